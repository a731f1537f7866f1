package kr.dolbom.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The issuer over real HTTP: what a service and token.sh see. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.security.oauth2.authorizationserver.issuer=http://localhost:9000")
class LocalAuthServerTest {

    private static final String SECRET = "dolbom-dev-secret";

    @TempDir
    static Path keys;

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void keyFile(DynamicPropertyRegistry registry) {
        registry.add("dolbom.auth.key-file", LocalAuthServerTest::keyFile);
    }

    @Test
    void clientCredentialsTokenIsAJwtSignedByThePublishedKeyWithTheCallersClaims() throws Exception {
        SignedJWT token = SignedJWT.parse(token(base(port), "window@mapo"));

        RSAKey key = JWKSet.load(URI.create(base(port) + "/oauth2/jwks").toURL())
                .getKeyByKeyId(token.getHeader().getKeyID())
                .toRSAKey();
        assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(key.isPrivate()).as("only the public key is published").isFalse();
        assertThat(token.verify(new RSASSAVerifier(key))).isTrue();
        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("http://localhost:9000");
        assertThat(claims.getAudience()).containsExactly("dolbom");
        assertThat(claims.getSubject()).isEqualTo("window@mapo");
        assertThat(claims.getStringClaim("role")).isEqualTo("WINDOW");
        assertThat(claims.getStringClaim("district")).isEqualTo("mapo");
        assertThat(claims.getClaim("provider")).isNull();
        assertThat(claims.getExpirationTime()).isAfter(claims.getIssueTime());
    }

    @Test
    void providerStaffAndCareManagersCarryTheirProviderAndDongs() throws Exception {
        JWTClaimsSet provider = SignedJWT.parse(token(base(port), "provider@mapo-homecare-coop"))
                .getJWTClaimsSet();
        assertThat(provider.getStringClaim("role")).isEqualTo("PROVIDER");
        assertThat(provider.getStringClaim("provider")).isEqualTo("mapo-homecare-coop");

        JWTClaimsSet careManager =
                SignedJWT.parse(token(base(port), "care-manager@mapo")).getJWTClaimsSet();
        assertThat(careManager.getStringListClaim("dongs")).contains("mangwon1");

        JWTClaimsSet city = SignedJWT.parse(token(base(port), "city@seoul")).getJWTClaimsSet();
        assertThat(city.getStringClaim("role")).isEqualTo("CITY_ADMIN");
        assertThat(city.getClaim("district")).isNull();
    }

    /** Each provider of the demo district reports its own deliveries, so each needs an account of its own. */
    @Test
    void everyDemoProviderOfMatchingHasAnAccountAndThePrivacyOfficerHasTheirs() throws Exception {
        String sql = Files.readString(Path.of(
                "../../matching-service/src/main/resources/db/demo/matching-service" + "/R__mapo_demo_providers.sql"));
        Matcher row = Pattern.compile("\\('(mapo-[a-z-]+)', '[^']*', '[A-Z_]+', 'mapo'")
                .matcher(sql);
        List<String> providers = new ArrayList<>();
        while (row.find()) {
            providers.add(row.group(1));
        }
        assertThat(providers).as("the demo providers in " + sql).hasSize(7);
        for (String provider : providers) {
            JWTClaimsSet claims =
                    SignedJWT.parse(token(base(port), "provider@" + provider)).getJWTClaimsSet();
            assertThat(claims.getStringClaim("role")).isEqualTo("PROVIDER");
            assertThat(claims.getStringClaim("district")).isEqualTo("mapo");
            assertThat(claims.getStringClaim("provider")).isEqualTo(provider);
        }

        JWTClaimsSet privacy =
                SignedJWT.parse(token(base(port), "privacy@mapo")).getJWTClaimsSet();
        assertThat(privacy.getStringClaim("role")).isEqualTo("PRIVACY_OFFICER");
        assertThat(privacy.getStringClaim("district")).isEqualTo("mapo");
        assertThat(privacy.getClaim("provider")).isNull();
    }

    @Test
    void aWrongSecretGetsNoToken() throws Exception {
        HttpResponse<String> answer = http.send(tokenRequest(base(port), "window@mapo", "guess"), body());
        assertThat(answer.statusCode()).isEqualTo(401);
    }

    @Test
    void discoveryNamesTheIssuerItsKeysAndTheBrowserFlow() throws Exception {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(base(port) + "/.well-known/openid-configuration"))
                        .build(),
                body());

        assertThat(answer.statusCode()).isEqualTo(200);
        Map<String, Object> discovery = JSONObjectUtils.parse(answer.body());
        assertThat(discovery)
                .containsEntry("issuer", "http://localhost:9000")
                .containsEntry("jwks_uri", "http://localhost:9000/oauth2/jwks");
        assertThat(JSONObjectUtils.getStringList(discovery, "grant_types_supported"))
                .contains("authorization_code", "client_credentials");
        assertThat(JSONObjectUtils.getStringList(discovery, "code_challenge_methods_supported"))
                .contains("S256");
    }

    @Test
    void theSigningKeyIsReusedByTheNextStartSoEarlierTokensStayValid() throws Exception {
        String keyFileBefore = Files.readString(Path.of(keyFile()));
        SignedJWT earlier = SignedJWT.parse(token(base(port), "billing@mapo"));

        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(LocalAuthServer.class)
                .run("--server.port=0", "--dolbom.auth.key-file=" + keyFile())) {
            String restartedBase =
                    base(Integer.parseInt(restarted.getEnvironment().getProperty("local.server.port", "")));
            JWKSet published =
                    JWKSet.load(URI.create(restartedBase + "/oauth2/jwks").toURL());
            SignedJWT later = SignedJWT.parse(token(restartedBase, "billing@mapo"));

            assertThat(later.getHeader().getKeyID())
                    .isEqualTo(earlier.getHeader().getKeyID());
            assertThat(published.getKeyByKeyId(earlier.getHeader().getKeyID()))
                    .as("the restarted server still publishes the key of earlier tokens")
                    .isNotNull();
            assertThat(earlier.verify(
                            new RSASSAVerifier(published.getKeys().get(0).toRSAKey())))
                    .isTrue();
        }
        assertThat(Files.readString(Path.of(keyFile()))).isEqualTo(keyFileBefore);
    }

    @Test
    void aPersonSignsInWithAuthorizationCodeAndPkceAndGetsTheirClaims() throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String verifier = Base64URL.encode(new SecureRandom().generateSeed(32)).toString();
        String challenge = Base64URL.encode(
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)))
                .toString();
        String redirect = "http://localhost:8081/swagger-ui/oauth2-redirect.html";
        String authorize = base(port) + "/oauth2/authorize?response_type=code&client_id=dolbom-web&scope=openid"
                + "&redirect_uri=" + redirect + "&code_challenge=" + challenge + "&code_challenge_method=S256&state=s1";

        HttpResponse<String> toLogin = browser.send(page(authorize), body());
        assertThat(toLogin.headers().firstValue("Location")).hasValue(base(port) + "/login");
        String loginPage = browser.send(page(base(port) + "/login"), body()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).as(loginPage).isTrue();
        HttpResponse<String> signedIn = browser.send(
                form(
                        base(port) + "/login",
                        "username=care-manager%40mapo&password=" + SECRET + "&_csrf=" + csrf.group(1)),
                body());
        HttpResponse<String> back =
                browser.send(page(signedIn.headers().firstValue("Location").orElseThrow()), body());
        String location = back.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(redirect + "?code=").endsWith("&state=s1");
        String code = location.substring(location.indexOf("code=") + 5, location.indexOf("&state="));

        HttpResponse<String> tokens = browser.send(
                form(
                        base(port) + "/oauth2/token",
                        "grant_type=authorization_code&client_id=dolbom-web&code=" + code + "&redirect_uri=" + redirect
                                + "&code_verifier=" + verifier),
                body());

        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        JWTClaimsSet claims = SignedJWT.parse(
                        JSONObjectUtils.getString(JSONObjectUtils.parse(tokens.body()), "access_token"))
                .getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("care-manager@mapo");
        assertThat(claims.getAudience()).containsExactly("dolbom");
        assertThat(claims.getStringClaim("role")).isEqualTo("CARE_MANAGER");
        assertThat(claims.getStringListClaim("dongs")).containsExactly("mangwon1", "mangwon2", "hapjeong");
    }

    private static HttpRequest page(String uri) {
        return HttpRequest.newBuilder(URI.create(uri))
                .header("Accept", "text/html")
                .build();
    }

    private static HttpRequest form(String uri, String form) {
        return HttpRequest.newBuilder(URI.create(uri))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
    }

    private static String keyFile() {
        return keys.resolve("auth/signing-key.json").toString();
    }

    private static String base(int port) {
        return "http://localhost:" + port;
    }

    private String token(String base, String client) throws Exception {
        HttpResponse<String> answer = http.send(tokenRequest(base, client, SECRET), body());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSONObjectUtils.getString(JSONObjectUtils.parse(answer.body()), "access_token");
    }

    private static HttpRequest tokenRequest(String base, String client, String secret) {
        // RFC 6749 §2.3.1: id and secret are form-encoded before they are joined for Basic authentication.
        String credentials = URLEncoder.encode(client, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
    }

    private static HttpResponse.BodyHandler<String> body() {
        return HttpResponse.BodyHandlers.ofString();
    }
}
