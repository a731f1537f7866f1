package kr.dolbom.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import kr.dolbom.platform.security.CareRole;
import kr.dolbom.platform.security.CareSecurityAutoConfiguration;
import org.jspecify.annotations.Nullable;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Real signed tokens for tests, and a real issuer for them: one RSA key per JVM, its public half served as a JWK
 * set over HTTP on a random local port, where the service under test fetches it like any issuer's. Nothing in
 * the service is switched off or mocked; a test only chooses which tokens to present.
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void tokens(DynamicPropertyRegistry registry) { TestTokens.register(registry); }
 *
 * http.get().uri("/api/v1/...").headers(h -> h.setBearerAuth(TestTokens.window("mapo").mint()))
 * }</pre>
 *
 * <p>Each builder also makes the tokens that must be refused: {@link Token#expired()},
 * {@link Token#notYetValid()}, {@link Token#issuer(String)}, {@link Token#audience(String...)},
 * {@link Token#badSignature()}, {@link Token#unsigned()}.
 */
public final class TestTokens {

    public static final String AUDIENCE = CareSecurityAutoConfiguration.DEFAULT_AUDIENCE;

    private static final String KEY_ID = "test-key";
    private static final RSAKey KEY = rsaKey();
    // Same key id as the published key: a forgery that names the real key but is signed by another.
    private static final RSAKey FORGER = rsaKey();

    private TestTokens() {}

    /** Points a service under test at this issuer and switches its security on. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add(CareSecurityAutoConfiguration.ENABLED, () -> "true");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokens::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens::jwkSetUri);
    }

    public static String issuer() {
        return "http://127.0.0.1:" + Issuer.SERVER.getAddress().getPort();
    }

    public static String jwkSetUri() {
        return issuer() + "/jwks";
    }

    /** How often the JWK set was fetched: proof that a service checks signatures with the published key. */
    public static int jwkSetFetches() {
        return Issuer.FETCHES.get();
    }

    public static Token careManager(String district, String... dongs) {
        return new Token(CareRole.CARE_MANAGER.name(), "care-manager@" + district)
                .district(district)
                .dongs(dongs);
    }

    public static Token window(String district) {
        return new Token(CareRole.WINDOW.name(), "window@" + district).district(district);
    }

    public static Token provider(String district, String provider) {
        return new Token(CareRole.PROVIDER.name(), "provider@" + provider)
                .district(district)
                .provider(provider);
    }

    public static Token billingOfficer(String district) {
        return new Token(CareRole.BILLING_OFFICER.name(), "billing@" + district).district(district);
    }

    public static Token cityAdmin() {
        return new Token(CareRole.CITY_ADMIN.name(), "city@seoul");
    }

    public static Token agency(String district, String agency) {
        return new Token(CareRole.AGENCY.name(), "agency@" + agency).district(district);
    }

    public static Token privacyOfficer(String district) {
        return new Token(CareRole.PRIVACY_OFFICER.name(), "privacy@" + district).district(district);
    }

    public static Token operator() {
        return new Token(CareRole.OPERATOR.name(), "operator@test");
    }

    /** Any role claim at all, also one no service knows. */
    public static Token withRole(String role, String subject) {
        return new Token(role, subject);
    }

    /** One token to mint; its setters change it, so start a new one per token. */
    public static final class Token {

        private final JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
        private Instant issuedAt = Instant.now();
        private Duration validFor = Duration.ofMinutes(10);
        private @Nullable Instant notBefore;
        private @Nullable String issuer;
        private List<String> audience = List.of(AUDIENCE);
        private RSAKey signer = KEY;
        private boolean signed = true;

        private Token(String role, String subject) {
            claims.subject(subject).claim("role", role).jwtID(UUID.randomUUID().toString());
        }

        public Token subject(String subject) {
            claims.subject(subject);
            return this;
        }

        public Token district(@Nullable String district) {
            claims.claim("district", district);
            return this;
        }

        public Token provider(@Nullable String provider) {
            claims.claim("provider", provider);
            return this;
        }

        public Token dongs(String... dongs) {
            claims.claim("dongs", dongs.length == 0 ? null : List.of(dongs));
            return this;
        }

        public Token claim(String name, @Nullable Object value) {
            claims.claim(name, value);
            return this;
        }

        public Token issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Token audience(String... audience) {
            this.audience = List.of(audience);
            return this;
        }

        /** Issued at {@code issuedAt}, expiring {@code validFor} later. */
        public Token validity(Instant issuedAt, Duration validFor) {
            this.issuedAt = issuedAt;
            this.validFor = validFor;
            return this;
        }

        /** Expired well beyond the resource server's minute of clock skew. */
        public Token expired() {
            return validity(Instant.now().minus(Duration.ofHours(1)), Duration.ofMinutes(10));
        }

        /** Valid only from well beyond the resource server's minute of clock skew. */
        public Token notYetValid() {
            notBefore = Instant.now().plus(Duration.ofMinutes(10));
            return this;
        }

        /** Signed by another key under the published key's id. */
        public Token badSignature() {
            signer = FORGER;
            return this;
        }

        /** {@code alg: none}: claims and no signature at all. */
        public Token unsigned() {
            signed = false;
            return this;
        }

        public String mint() {
            JWTClaimsSet set = claims.issuer(issuer == null ? TestTokens.issuer() : issuer)
                    .audience(audience)
                    .issueTime(Date.from(issuedAt))
                    .notBeforeTime(notBefore == null ? null : Date.from(notBefore))
                    .expirationTime(Date.from(issuedAt.plus(validFor)))
                    .build();
            if (!signed) {
                return new PlainJWT(set).serialize();
            }
            try {
                SignedJWT jwt = new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .keyID(KEY_ID)
                                .type(JOSEObjectType.JWT)
                                .build(),
                        set);
                jwt.sign(new RSASSASigner(signer));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static RSAKey rsaKey() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID(KEY_ID)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Started on first use, for the rest of the JVM: every test context of a run trusts the same key. */
    private static final class Issuer {

        static final AtomicInteger FETCHES = new AtomicInteger();
        static final HttpServer SERVER = start();

        private static HttpServer start() {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                server.createContext("/jwks", exchange -> {
                    FETCHES.incrementAndGet();
                    answer(exchange, new JWKSet(KEY.toPublicJWK()).toString());
                });
                server.createContext("/.well-known/openid-configuration", exchange -> {
                    String issuer = "http://127.0.0.1:" + server.getAddress().getPort();
                    answer(
                            exchange,
                            com.nimbusds.jose.util.JSONObjectUtils.toJSONString(
                                    Map.of("issuer", issuer, "jwks_uri", issuer + "/jwks")));
                });
                server.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException("the test issuer could not start", e);
            }
        }

        private static void answer(HttpExchange exchange, String json) throws IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
