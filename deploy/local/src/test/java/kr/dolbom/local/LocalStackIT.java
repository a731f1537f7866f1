package kr.dolbom.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import kr.dolbom.tokens.Callers;
import kr.dolbom.tokens.TokenClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The local stack as a newcomer meets it: {@code deploy/local/run.sh} brings everything up, the quick tour
 * walks an order through it with tokens of the stack's issuer, Ctrl-C takes everything down, and the next start
 * still has the data and the issuer's key. Ports are offset so that a stack a developer is running does not collide
 * with this one.
 */
class LocalStackIT {

    private static final int OFFSET = 10_000;
    // Above the launcher's own start-up limit (300 s a part), so that its one-line reason is what a slow start shows.
    private static final Duration START = Duration.ofMinutes(8);
    /** The banner's last line: the lines checked below are printed after "is up in", so the test waits for all. */
    private static final String BANNER_END = "Ctrl-C stops everything";

    private static final List<Integer> PORTS = List.of(8081, 8082, 8083, 8084, 9000, 9092, 9093, 15432);

    @Test
    void startsRunsTheTourStopsCleanlyAndKeepsTheDataForTheNextStart() throws Exception {
        Path data = Files.createTempDirectory("local-stack-it");
        TokenClient tokens = TokenClient.of("http://localhost:" + (9000 + OFFSET));
        String orderId;
        try (StackProcess stack =
                StackProcess.start(Map.of(), "--fresh", "--data-dir=" + data, "--port-offset=" + OFFSET)) {
            stack.awaitOutput(BANNER_END, START);
            List<ProcessHandle> children = stack.descendants();
            assertThat(children).as("the issuer's and the four services' JVMs").hasSize(5);
            String tokenCommand = "DOLBOM_AUTH_URL=http://localhost:" + (9000 + OFFSET) + " deploy/local/token.sh ";
            assertThat(stack.output())
                    .as("how to get a token, one command per role")
                    .anyMatch(line -> line.matches("\\s+window\\s+" + tokenCommand + "window@mapo"))
                    .anyMatch(line -> line.matches("\\s+operator\\s+" + tokenCommand + "operator@local"));
            assertThat(get("http://localhost:" + (8083 + OFFSET) + "/api/v1/tariffs", null))
                    .as("no token, no answer")
                    .contains("401");
            // Kept by the client: the same token must still be good after the restart, signed by the same key.
            tokens.token(Callers.WINDOW);
            assertThat(processesUsing(data))
                    .as("the database server (daemonised, so not a child)")
                    .isNotEmpty();

            List<String> tour = demo();
            assertThat(String.join("\n", tour))
                    .contains(
                            "REJECTED (NOT_IN_TARGET_GROUP)",
                            "PLACED",
                            "38,340 KRW  (public 38,340, co-payment 0; tariff care-sos-2021-home-care)",
                            "10 meals delivered",
                            "Done:");
            orderId = careOrder(tour);

            stack.terminate();
            assertThat(stack.awaitExit(Duration.ofSeconds(60))).isIn(0, 143);
            assertThat(stack.output()).anyMatch(line -> line.startsWith("Stopped in"));
            assertThat(children).as("no service is left behind").noneMatch(ProcessHandle::isAlive);
            assertThat(processesUsing(data))
                    .as("no database server is left behind")
                    .isEmpty();
            assertThat(PORTS).as("every port is free again").allMatch(port -> free(port + OFFSET));
        }

        try (StackProcess again = StackProcess.start(Map.of(), "--data-dir=" + data, "--port-offset=" + OFFSET)) {
            again.awaitOutput(BANNER_END, START);
            // still there, and in progress since the tour's deliveries (which intake may hear only after the restart)
            Awaitility.await()
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .until(
                            () -> get(
                                    "http://localhost:" + (8081 + OFFSET) + "/api/v1/care-orders/" + orderId,
                                    tokens.authorization(Callers.WINDOW)),
                            order -> order.contains("\"status\":\"IN_PROGRESS\""));
            again.terminate();
            again.awaitExit(Duration.ofSeconds(60));
        } finally {
            // Only after a failure is anything left; a daemonised database would otherwise outlive the test.
            processesUsing(data).forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void aTakenPortFailsFastInOneLineAndStartsNothing() throws Exception {
        try (ServerSocket taken = new ServerSocket(8083 + OFFSET + 100, 1, InetAddress.getLoopbackAddress());
                StackProcess stack = StackProcess.start(
                        Map.of(),
                        "--port-offset=" + (OFFSET + 100),
                        "--data-dir=" + Files.createTempDirectory("local-stack-port"))) {
            assertThat(stack.awaitExit(Duration.ofSeconds(30))).isEqualTo(2);
            assertThat(failure(stack))
                    .isEqualTo("local stack: port " + (8083 + OFFSET + 100)
                            + " (for billing-service) is already in use: another stack running? Stop it, or start "
                            + "this one with --port-offset=N");
        }
    }

    @Test
    void anUnreachableKafkaFailsFastInOneLine() throws Exception {
        try (StackProcess stack = StackProcess.start(
                Map.of("DOLBOM_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1"),
                "--port-offset=" + (OFFSET + 200),
                "--data-dir=" + Files.createTempDirectory("local-stack-kafka"))) {
            assertThat(stack.awaitExit(Duration.ofSeconds(60))).isEqualTo(2);
            assertThat(failure(stack)).startsWith("local stack: cannot reach Kafka at 127.0.0.1:1");
        }
    }

    @Test
    void aDatabaseThatRefusesTheCredentialsFailsFastInOneLine() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + freePort() + "/postgres";
        try (StackProcess stack = StackProcess.start(
                Map.of(
                        "DOLBOM_POSTGRES_URL",
                        url,
                        "DOLBOM_POSTGRES_USER",
                        "dolbom",
                        "DOLBOM_POSTGRES_PASSWORD",
                        "wrong"),
                "--port-offset=" + (OFFSET + 300),
                "--data-dir=" + Files.createTempDirectory("local-stack-pg"))) {
            assertThat(stack.awaitExit(Duration.ofSeconds(60))).isEqualTo(2);
            assertThat(failure(stack))
                    .startsWith("local stack: cannot connect to PostgreSQL at " + url + " as dolbom:");
        }
    }

    /** The last line the stack printed, which must be its whole explanation: no stack trace before it. */
    private static String failure(StackProcess stack) {
        List<String> lines = stack.output();
        assertThat(lines)
                .as("no stack trace")
                .noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Exception"));
        return lines.get(lines.size() - 1);
    }

    private static List<String> demo() throws IOException, InterruptedException {
        Process demo = new ProcessBuilder("bash", "deploy/local/demo.sh", "--port-offset=" + OFFSET)
                .directory(StackProcess.REPOSITORY.toFile())
                .redirectErrorStream(true)
                .start();
        List<String> lines;
        try (BufferedReader output =
                new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8))) {
            lines = output.lines()
                    .peek(line -> System.out.println("[demo] " + line))
                    .collect(Collectors.toList());
        }
        assertThat(demo.waitFor())
                .as("the tour's exit code; it said:\n" + String.join("\n", lines))
                .isZero();
        return lines;
    }

    private static String careOrder(List<String> tour) {
        Matcher placed = Pattern.compile("care order ([0-9a-f-]{36}) PLACED").matcher(String.join("\n", tour));
        assertThat(placed.find()).isTrue();
        return placed.group(1);
    }

    /** The status and the body, with the Authorization header given (none when null). */
    private static String get(String url, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> answer =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() + " " + answer.body();
    }

    private static List<ProcessHandle> processesUsing(Path data) {
        return ProcessHandle.allProcesses()
                .filter(process -> process.isAlive()
                        && process.info()
                                .commandLine()
                                .map(line -> line.contains(data.toString()))
                                .orElse(false))
                .toList();
    }

    private static boolean free(int port) {
        return Ports.isFree(port);
    }

    private static int freePort() {
        return IntStream.range(40_000, 41_000)
                .filter(LocalStackIT::free)
                .findFirst()
                .orElseThrow();
    }
}
