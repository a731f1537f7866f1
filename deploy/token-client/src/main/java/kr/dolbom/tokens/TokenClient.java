package kr.dolbom.tokens;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens of the demo callers from an issuer's token endpoint by the client-credentials grant (the client id
 * is the caller's name, the secret the local stack's dev secret), each kept until shortly before it expires and
 * then fetched again, so that a long run never presents an expired token and a short one asks once per caller.
 *
 * <p>Thread-safe: concurrent callers share one token; only one request per caller goes to the issuer at a time.
 */
public final class TokenClient {

    /** Every demo client's secret on the local issuer ({@code DOLBOM_AUTH_DEV_SECRET} there). */
    public static final String DEV_SECRET = "dolbom-dev-secret";

    /** Spring Authorization Server's token endpoint, relative to its issuer. */
    public static final String TOKEN_PATH = "/oauth2/token";

    /** A token is fetched again this long before it expires (or half its life, when that is shorter). */
    static final Duration MARGIN = Duration.ofSeconds(60);

    /** When the issuer does not say how long a token lives: assume a short life rather than a long one. */
    static final Duration UNSTATED_LIFETIME = Duration.ofMinutes(5);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI tokenEndpoint;
    private final String secret;
    private final Clock clock;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, Object> fetching = new ConcurrentHashMap<>();

    TokenClient(URI tokenEndpoint, String secret, Clock clock) {
        this.tokenEndpoint = tokenEndpoint;
        this.secret = secret;
        this.clock = clock;
    }

    /** Tokens of the local issuer at {@code issuer} (e.g. {@code http://localhost:9000}), with the dev secret. */
    public static TokenClient of(String issuer) {
        return of(issuer, DEV_SECRET);
    }

    public static TokenClient of(String issuer, String secret) {
        return new TokenClient(URI.create(stripSlash(issuer) + TOKEN_PATH), secret, Clock.systemUTC());
    }

    /** The caller's access token, from the cache while it has more than the margin to live. */
    public String token(String caller) {
        URI endpoint = tokenEndpoint;
        Token cached = tokens.get(caller);
        if (cached != null && cached.fresh(clock.instant())) {
            return cached.value();
        }
        synchronized (fetching.computeIfAbsent(caller, name -> new Object())) {
            cached = tokens.get(caller);
            if (cached != null && cached.fresh(clock.instant())) {
                return cached.value();
            }
            Token fetched = fetch(endpoint, caller);
            tokens.put(caller, fetched);
            return fetched.value();
        }
    }

    /** {@code Bearer <token>}: the value of an Authorization header. */
    public String authorization(String caller) {
        return "Bearer " + token(caller);
    }

    /** The request with the caller's token in its Authorization header. */
    public HttpRequest.Builder authorize(HttpRequest.Builder request, String caller) {
        return request.setHeader("Authorization", authorization(caller));
    }

    private Token fetch(URI endpoint, String caller) {
        Instant asked = clock.instant();
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(caller, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        HttpResponse<String> answer;
        try {
            answer = http.send(
                    HttpRequest.newBuilder(endpoint)
                            .timeout(TIMEOUT)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Accept", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TokenException("no token for " + caller + ": the issuer does not answer at " + endpoint + " (" + e
                    + "); is the local stack running with its issuer?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenException("interrupted while asking " + endpoint + " for a token for " + caller);
        }
        if (answer.statusCode() != 200) {
            throw new TokenException("no token for " + caller + " from " + endpoint + ": " + answer.statusCode() + " "
                    + abbreviated(answer.body()));
        }
        JsonNode body;
        try {
            body = JSON.readTree(answer.body());
        } catch (JacksonException e) {
            throw new TokenException(
                    "the token endpoint " + endpoint + " answered no JSON: " + abbreviated(answer.body()));
        }
        String value = body.path("access_token").asString("");
        if (value.isBlank()) {
            throw new TokenException("the token endpoint " + endpoint + " answered no access_token for " + caller + ": "
                    + abbreviated(answer.body()));
        }
        Duration lifetime = body.path("expires_in").isNumber()
                ? Duration.ofSeconds(body.path("expires_in").asLong())
                : UNSTATED_LIFETIME;
        Duration margin = MARGIN.compareTo(lifetime.dividedBy(2)) < 0 ? MARGIN : lifetime.dividedBy(2);
        // From the moment it was asked for: the issuer's clock started the lifetime no later than that.
        return new Token(value, asked.plus(lifetime).minus(margin));
    }

    private static String abbreviated(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }

    private static String stripSlash(String issuer) {
        return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }

    private record Token(String value, Instant refreshAt) {

        boolean fresh(Instant now) {
            return now.isBefore(refreshAt);
        }
    }

    /** No token could be had: the issuer is away, refused the client, or answered something else. */
    public static final class TokenException extends RuntimeException {

        TokenException(String message) {
            super(message);
        }
    }
}
