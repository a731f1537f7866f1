package kr.dolbom.local;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One service (or the local token issuer) in a JVM of its own, with its output in a log file, started and stopped by
 * the stack.
 */
final class ServiceProcess {

    private static final Pattern COMPONENT = Pattern.compile("\"(\\w+)\":\\{\"status\":\"(\\w+)\"");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final ServiceSpec spec;
    private final int port;
    private final Path log;
    private Process process;

    ServiceProcess(ServiceSpec spec, int port, Path log) {
        this(spec.name, spec, port, log);
    }

    /** A process of the stack that is none of the four services: the local issuer. */
    ServiceProcess(String name, int port, Path log) {
        this(name, null, port, log);
    }

    private ServiceProcess(String name, ServiceSpec spec, int port, Path log) {
        this.name = name;
        this.spec = spec;
        this.port = port;
        this.log = log;
    }

    void start(Path jar, String javaOptions, List<String> arguments) {
        start(jar, javaOptions, arguments, Map.of());
    }

    /** @param environment set for the process on top of the launcher's own */
    void start(Path jar, String javaOptions, List<String> arguments, Map<String, String> environment) {
        if (!Files.isRegularFile(jar)) {
            throw new StackFailure(name + " is not built: " + jar + " is missing (run ./mvnw -DskipTests package)");
        }
        Ports.requireFree(port, name);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(Arrays.stream(javaOptions.trim().split("\\s+"))
                .filter(option -> !option.isEmpty())
                .toList());
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments);
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    // Appended, so that a restarted service's log still tells why it stopped.
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new StackFailure("cannot start " + name + ": " + e.getMessage());
        }
    }

    /**
     * One look at the service's readiness probe: null when it is ready, else what it still waits for. A service
     * that died fails the stack with its last log lines.
     */
    String notReadyBecause() {
        if (!process.isAlive()) {
            throw new StackFailure(name + " stopped during start-up (exit code " + process.exitValue() + "): "
                    + lastError() + " — see " + log);
        }
        URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(readiness)
                            .timeout(Duration.ofSeconds(2))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return null;
            }
            return "answering, readiness " + response.statusCode() + " " + notUp(response.body());
        } catch (HttpTimeoutException e) {
            return "no answer within 2 s";
        } catch (ConnectException e) {
            return "not listening yet";
        } catch (IOException e) {
            return LocalPostgres.firstLine(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackFailure("interrupted while waiting for " + name);
        }
    }

    /** The health components that are not UP, from a body like {"components":{"db":{"status":"DOWN"}}}. */
    private static String notUp(String body) {
        Matcher component = COMPONENT.matcher(body);
        List<String> down = new ArrayList<>();
        while (component.find()) {
            if (!"UP".equals(component.group(2))) {
                down.add(component.group(1) + " " + component.group(2));
            }
        }
        return down.isEmpty() ? "" : "(" + String.join(", ", down) + ")";
    }

    /** Resident memory from /proc (Linux); empty elsewhere. */
    Optional<Long> residentKiB() {
        if (process == null) {
            return Optional.empty();
        }
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")))
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** SIGTERM, so that Spring shuts down gracefully; killed if it has not stopped within the grace period. */
    void stop(Duration grace) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    Process process() {
        return process;
    }

    /** Null for the issuer, which is none of the four services. */
    ServiceSpec spec() {
        return spec;
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    /** The most telling line of a failed start: Spring Boot's last failure description, else the last line. */
    private String lastError() {
        try {
            List<String> lines = Files.readAllLines(log);
            for (int i = lines.size() - 3; i >= 0; i--) {
                if (lines.get(i).startsWith("Description:")) {
                    return lines.get(i + 2).trim();
                }
            }
            return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1).trim();
        } catch (IOException e) {
            return "no log";
        }
    }
}
