package kr.dolbom.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a token endpoint of its own that counts what it is asked and answers like Spring's. */
class TokenClientTest {

    private HttpServer issuer;
    private final List<String> forms = new CopyOnWriteArrayList<>();
    private final AtomicInteger issued = new AtomicInteger();
    private volatile int status = 200;
    private volatile long expiresIn = 3600;
    private final MovableClock clock = new MovableClock();

    @BeforeEach
    void startTheIssuer() throws IOException {
        issuer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        issuer.createContext("/oauth2/token", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            forms.add(URLDecoder.decode(form, StandardCharsets.UTF_8));
            byte[] body = (status == 200
                            ? "{\"access_token\":\"token-" + issued.incrementAndGet()
                                    + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}"
                            : "{\"error\":\"invalid_client\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        issuer.start();
    }

    @AfterEach
    void stopIt() {
        issuer.stop(0);
    }

    @Test
    void asksWithClientCredentialsOnceAndKeepsTheTokenUntilShortlyBeforeItExpires() {
        TokenClient tokens = client();

        assertThat(tokens.token("window@mapo")).isEqualTo("token-1");
        assertThat(forms)
                .containsExactly("grant_type=client_credentials&client_id=window@mapo&client_secret=dolbom-dev-secret");
        clock.advance(Duration.ofMinutes(58));
        assertThat(tokens.token("window@mapo"))
                .as("59 min before expiry: still good")
                .isEqualTo("token-1");
        clock.advance(Duration.ofSeconds(61));
        assertThat(tokens.token("window@mapo"))
                .as("less than a minute to live: a new one")
                .isEqualTo("token-2");
        assertThat(forms).hasSize(2);
    }

    @Test
    void eachCallerHasItsOwnToken() {
        TokenClient tokens = client();

        assertThat(tokens.token("window@mapo")).isEqualTo("token-1");
        assertThat(tokens.token(Callers.provider("mapo-homecare-coop"))).isEqualTo("token-2");
        assertThat(tokens.token("window@mapo")).isEqualTo("token-1");
        assertThat(forms.get(1)).contains("client_id=provider@mapo-homecare-coop");
    }

    @Test
    void aShortLivedTokenIsRenewedAtHalfItsLife() {
        expiresIn = 60;
        TokenClient tokens = client();

        assertThat(tokens.token("billing@mapo")).isEqualTo("token-1");
        clock.advance(Duration.ofSeconds(29));
        assertThat(tokens.token("billing@mapo")).isEqualTo("token-1");
        clock.advance(Duration.ofSeconds(2));
        assertThat(tokens.token("billing@mapo")).isEqualTo("token-2");
    }

    @Test
    void concurrentCallersShareOneRequest() throws Exception {
        TokenClient tokens = client();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers =
                    threads.invokeAll(java.util.Collections.nCopies(32, () -> tokens.token("city@seoul")));
            for (Future<String> answer : answers) {
                assertThat(answer.get()).isEqualTo("token-1");
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(forms).hasSize(1);
    }

    @Test
    void theTokenGoesInTheAuthorizationHeader() {
        TokenClient tokens = client();
        HttpRequest signed = tokens.authorize(HttpRequest.newBuilder(URI.create("http://localhost/x")), "city@seoul")
                .build();
        assertThat(signed.headers().firstValue("Authorization")).hasValue("Bearer token-1");
        assertThat(tokens.authorization("city@seoul")).isEqualTo("Bearer token-1");
        assertThat(forms).hasSize(1);
    }

    @Test
    void aRefusalAndAnIssuerThatIsAwaySayWhoWantedATokenAndWhere() {
        status = 401;
        assertThatThrownBy(() -> client().token("window@mapo"))
                .isInstanceOf(TokenClient.TokenException.class)
                .hasMessageContaining("no token for window@mapo from " + base() + "/oauth2/token: 401")
                .hasMessageContaining("invalid_client");

        issuer.stop(0);
        assertThatThrownBy(() -> client().token("window@mapo"))
                .isInstanceOf(TokenClient.TokenException.class)
                .hasMessageContaining("the issuer does not answer at " + base() + "/oauth2/token");
    }

    private TokenClient client() {
        return new TokenClient(URI.create(base() + TokenClient.TOKEN_PATH), TokenClient.DEV_SECRET, clock);
    }

    private String base() {
        return "http://127.0.0.1:" + issuer.getAddress().getPort();
    }

    private static final class MovableClock extends Clock {

        private volatile Instant now = Instant.parse("2026-11-24T01:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
