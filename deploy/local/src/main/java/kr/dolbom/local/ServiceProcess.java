package kr.dolbom.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** One service in a JVM of its own, with its output in a log file, started and stopped by the stack. */
final class ServiceProcess {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ServiceSpec spec;
    private final int port;
    private final Path log;
    private Process process;

    ServiceProcess(ServiceSpec spec, int port, Path log) {
        this.spec = spec;
        this.port = port;
        this.log = log;
    }

    void start(Path jar, String javaOptions, List<String> arguments) {
        if (!Files.isRegularFile(jar)) {
            throw new StackFailure(
                    spec.name + " is not built: " + jar + " is missing (run ./mvnw -DskipTests package)");
        }
        Ports.requireFree(port, spec.name);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(Arrays.stream(javaOptions.trim().split("\\s+"))
                .filter(option -> !option.isEmpty())
                .toList());
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments);
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new StackFailure("cannot start " + spec.name + ": " + e.getMessage());
        }
    }

    /** Waits for the service's readiness probe; a service that dies first fails the stack with its last log lines. */
    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new StackFailure(spec.name + " stopped during start-up (exit code " + process.exitValue() + "): "
                        + lastError() + " — see " + log);
            }
            try {
                HttpResponse<Void> response = HTTP.send(
                        HttpRequest.newBuilder(readiness)
                                .timeout(Duration.ofSeconds(2))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackFailure("interrupted while waiting for " + spec.name);
            }
            sleep(250);
        }
        throw new StackFailure(spec.name + " was not ready within " + timeout.toSeconds() + " s — see " + log);
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

    ServiceSpec spec() {
        return spec;
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    /** The most telling line of a failed start: Spring Boot's failure description, else the last line. */
    private String lastError() {
        try {
            List<String> lines = Files.readAllLines(log);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("Description:") && i + 2 < lines.size()) {
                    return lines.get(i + 2).trim();
                }
            }
            return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1).trim();
        } catch (IOException e) {
            return "no log";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
