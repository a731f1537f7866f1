package kr.dolbom.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/** The stack started as the README says, {@code deploy/local/run.sh}, in a process of its own. */
final class StackProcess implements AutoCloseable {

    static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private StackProcess(Process process) {
        this.process = process;
        this.reader = new Thread(
                () -> {
                    try (BufferedReader lines = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        lines.lines().forEach(line -> {
                            output.add(line);
                            System.out.println("[stack] " + line);
                        });
                    } catch (IOException ignored) {
                        // the process is gone
                    }
                },
                "stack-output");
        reader.setDaemon(true);
        reader.start();
    }

    static StackProcess start(Map<String, String> environment, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", "deploy/local/run.sh"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(REPOSITORY.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return new StackProcess(builder.start());
    }

    void awaitOutput(String text, Duration timeout) {
        Awaitility.await()
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> output.stream().anyMatch(line -> line.contains(text)) || !process.isAlive());
        if (output.stream().noneMatch(line -> line.contains(text))) {
            throw new AssertionError("the stack never said '" + text + "'; it said:\n" + String.join("\n", output));
        }
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the stack did not exit within " + timeout);
        }
        reader.join(5_000); // its last lines are still in the pipe
        return process.exitValue();
    }

    /** What Ctrl-C or a service manager does: SIGTERM (through the handle: Process.destroy would close our pipe). */
    void terminate() {
        process.toHandle().destroy();
    }

    List<ProcessHandle> descendants() {
        return process.descendants().toList();
    }

    List<String> output() {
        return output;
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
