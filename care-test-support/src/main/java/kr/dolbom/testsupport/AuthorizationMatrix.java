package kr.dolbom.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Stream;
import kr.dolbom.platform.security.AccessPolicy;
import kr.dolbom.platform.security.AccessRule;
import kr.dolbom.platform.security.CareRole;
import kr.dolbom.platform.security.Reach;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.ExchangeResult;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The authorization matrix of one service, generated from its OpenAPI document: every operation × every role ×
 * its own and another district (or provider, or submitter) → the status the service's access policy promises,
 * asserted against the running service with real tokens. An operation in the document without a rule in the
 * policy, or without a call here, fails; so does a rule for an operation that does not exist.
 *
 * <p>Each call targets a record of the demo district {@value #DISTRICT} held by {@link #OWN_PROVIDER} and
 * submitted by {@link #OWN_AGENCY}; the "other" callers present the same call with a token of another district
 * ({@value #OTHER_DISTRICT}), another provider or another agency, and must get 404 (403 for a call that creates
 * something in the named district's name), the same answer as for a record that does not exist.
 */
public final class AuthorizationMatrix {

    public static final String DISTRICT = "mapo";
    public static final String OTHER_DISTRICT = "seodaemun";
    public static final String OWN_PROVIDER = "mapo-homecare-coop";
    public static final String OTHER_PROVIDER = "mapo-neulbom-care";
    public static final String OWN_AGENCY = "mapo-hospital";
    public static final String OTHER_AGENCY = "mapo-clinic";

    /** One operation's request, made by whichever client (caller) the matrix hands it; a new body per call. */
    private static final Logger log = LoggerFactory.getLogger(AuthorizationMatrix.class);

    public interface Call extends Function<WebTestClient, WebTestClient.RequestHeadersSpec<?>> {}

    private record Operation(String id, Call call, int success, boolean creates, boolean streams) {

        @Override
        public String toString() {
            return id;
        }
    }

    private final WebTestClient http;
    private final AccessPolicy policy;
    private final Map<String, Operation> operations = new LinkedHashMap<>();

    private AuthorizationMatrix(WebTestClient http, AccessPolicy policy) {
        this.http = http;
        this.policy = policy;
    }

    public static AuthorizationMatrix of(WebTestClient http, AccessPolicy policy) {
        return new AuthorizationMatrix(http, policy);
    }

    /** A call that reads or changes a record of the demo district; others get 404. */
    public AuthorizationMatrix operation(String operationId, int success, Call call) {
        operations.put(operationId, new Operation(operationId, call, success, false, false));
        return this;
    }

    /**
     * A call that reads a record of the demo district as a stream (server-sent events) that does not end: a success
     * is its status and its first chunk, then the stream is cancelled; others get 404.
     */
    public AuthorizationMatrix stream(String operationId, int success, Call call) {
        operations.put(operationId, new Operation(operationId, call, success, false, true));
        return this;
    }

    /** A call that creates a record in the demo district's (or own provider's) name; others get 403. */
    public AuthorizationMatrix creation(String operationId, int success, Call call) {
        operations.put(operationId, new Operation(operationId, call, success, true, false));
        return this;
    }

    /** The whole matrix as dynamic tests, one container per operation; the first checks the document itself. */
    public Stream<DynamicNode> tests() {
        List<String> documented = operationIds();
        List<DynamicNode> nodes = new ArrayList<>();
        nodes.add(DynamicTest.dynamicTest("every documented operation has a rule and a call, and nothing else", () -> {
            assertThat(new TreeSet<>(policy.rules().keySet()))
                    .as("operations of the access policy")
                    .isEqualTo(new TreeSet<>(documented));
            assertThat(new TreeSet<>(operations.keySet()))
                    .as("operations the matrix calls")
                    .isEqualTo(new TreeSet<>(documented));
        }));
        for (String id : documented) {
            Operation operation = operations.get(id);
            AccessRule rule = policy.rule(id).orElse(null);
            if (operation == null || rule == null) {
                continue; // reported by the first test
            }
            nodes.add(DynamicContainer.dynamicContainer(id, cells(rule, operation)));
        }
        return nodes.stream();
    }

    /** How many requests the matrix makes: for the record, in the closing note. */
    public int size() {
        return operations.keySet().stream()
                .flatMap(id -> policy.rule(id).stream())
                .mapToInt(rule -> 1
                        + Stream.of(CareRole.values())
                                .mapToInt(role -> other(role, rule) == null ? 1 : 2)
                                .sum())
                .sum();
    }

    private Stream<DynamicTest> cells(AccessRule rule, Operation operation) {
        List<DynamicTest> cells = new ArrayList<>();
        cells.add(cell("no token", null, operation, 401));
        for (CareRole role : CareRole.values()) {
            boolean allowed = rule.roles().contains(role);
            cells.add(cell(role + " (own)", own(role), operation, allowed ? operation.success() : 403));
            TestTokens.Token other = other(role, rule);
            if (other != null) {
                cells.add(cell(
                        role + " (" + otherKind(role, rule) + ")",
                        other,
                        operation,
                        !allowed ? 403 : operation.creates() ? 403 : 404));
            }
        }
        return cells.stream();
    }

    private DynamicTest cell(String name, TestTokens.@Nullable Token token, Operation operation, int expected) {
        return DynamicTest.dynamicTest(name + " → " + expected, () -> {
            WebTestClient client = token == null
                    ? http
                    : http.mutate()
                            .defaultHeaders(headers -> headers.setBearerAuth(token.mint()))
                            .build();
            ExchangeResult result = operation.streams()
                    ? streamed(client, operation)
                    : exchange(client, operation, name + " → " + expected);
            String body = operation.streams() ? "(a stream)" : body((EntityExchangeResult<byte[]>) result);
            assertThat(result.getStatus().value())
                    .as("%s %s: %s", result.getMethod(), result.getUrl(), body)
                    .isEqualTo(expected);
            if (expected >= 400) {
                assertThat(result.getResponseHeaders().getContentType())
                        .as("a refusal is problem details")
                        .isNotNull()
                        .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            }
        });
    }

    /**
     * One retry when no answer came at all within the client's timeout: in one CI run on a loaded two-core machine,
     * 2 of 341 requests stalled for 30 s without any answer (not a wrong one). The matrix asserts who gets which
     * answer; a stall is logged loudly, and a second one fails the cell.
     */
    private static EntityExchangeResult<byte[]> exchange(WebTestClient client, Operation operation, String cell) {
        try {
            return operation.call().apply(client).exchange().expectBody().returnResult();
        } catch (IllegalStateException stalled) {
            if (!(stalled.getCause() instanceof TimeoutException)) {
                throw stalled;
            }
            log.warn("No answer at all to {} ({}) within the client's timeout; asking once more", operation, cell);
            return operation.call().apply(client).exchange().expectBody().returnResult();
        }
    }

    /** The status and headers, and the first chunk of a success: a stream that never ends is not waited for. */
    private static ExchangeResult streamed(WebTestClient client, Operation operation) {
        FluxExchangeResult<byte[]> result =
                operation.call().apply(client).exchange().returnResult(byte[].class);
        if (result.getStatus().is2xxSuccessful()) {
            assertThat(result.getResponseBody().blockFirst(Duration.ofSeconds(60)))
                    .as("the first event of %s", operation)
                    .isNotEmpty();
        } else {
            result.getResponseBody().blockLast(Duration.ofSeconds(60));
        }
        return result;
    }

    private static TestTokens.Token own(CareRole role) {
        return switch (role) {
            case CARE_MANAGER -> TestTokens.careManager(DISTRICT);
            case WINDOW -> TestTokens.window(DISTRICT);
            case PROVIDER -> TestTokens.provider(DISTRICT, OWN_PROVIDER);
            case BILLING_OFFICER -> TestTokens.billingOfficer(DISTRICT);
            case CITY_ADMIN -> TestTokens.cityAdmin();
            case AGENCY -> TestTokens.agency(DISTRICT, OWN_AGENCY);
            case PRIVACY_OFFICER -> TestTokens.privacyOfficer(DISTRICT);
            case OPERATOR -> TestTokens.operator();
        };
    }

    /** The caller beyond the role's reach: another district, provider or agency; none for every-district roles. */
    private static TestTokens.@Nullable Token other(CareRole role, AccessRule rule) {
        Reach reach = rule.roles().contains(role) ? rule.reachOf(role) : Reach.OWN_DISTRICT;
        if (!role.actsForOneDistrict() || reach == Reach.SHARED) {
            return null;
        }
        return switch (reach) {
            case OWN_PROVIDER -> TestTokens.provider(DISTRICT, OTHER_PROVIDER);
            case OWN_SUBMISSIONS -> TestTokens.agency(DISTRICT, OTHER_AGENCY);
            case OWN_DISTRICT, EVERY_DISTRICT, SHARED ->
                switch (role) {
                    case CARE_MANAGER -> TestTokens.careManager(OTHER_DISTRICT);
                    case WINDOW -> TestTokens.window(OTHER_DISTRICT);
                    case PROVIDER -> TestTokens.provider(OTHER_DISTRICT, "seodaemun-care");
                    case BILLING_OFFICER -> TestTokens.billingOfficer(OTHER_DISTRICT);
                    case AGENCY -> TestTokens.agency(OTHER_DISTRICT, "seodaemun-hospital");
                    case PRIVACY_OFFICER -> TestTokens.privacyOfficer(OTHER_DISTRICT);
                    case CITY_ADMIN, OPERATOR -> throw new IllegalStateException(role + " acts for every district");
                };
        };
    }

    private static String otherKind(CareRole role, AccessRule rule) {
        Reach reach = rule.roles().contains(role) ? rule.reachOf(role) : Reach.OWN_DISTRICT;
        return switch (reach) {
            case OWN_PROVIDER -> "other provider";
            case OWN_SUBMISSIONS -> "other agency";
            default -> "other district";
        };
    }

    private List<String> operationIds() {
        byte[] document = http.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        JsonNode paths = JsonMapper.builder().build().readTree(document).path("paths");
        List<String> ids = new ArrayList<>();
        paths.forEach(path -> path.forEach(operation -> {
            if (operation.has("operationId")) {
                ids.add(operation.get("operationId").asString());
            }
        }));
        assertThat(ids).as("operations in the OpenAPI document").isNotEmpty();
        return ids;
    }

    private static String body(EntityExchangeResult<byte[]> result) {
        byte[] body = result.getResponseBody();
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }
}
