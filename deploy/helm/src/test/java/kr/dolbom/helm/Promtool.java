package kr.dolbom.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Prometheus's own checker (Debian's prometheus package, which .ci/run installs), where it is installed. */
final class Promtool {

    static final String MISSING = "promtool is not installed (apt-get install --no-install-recommends prometheus)";

    private Promtool() {}

    static boolean installed() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "promtool")));
    }

    /** Its output; fails the test when promtool does not finish or says no. */
    static String run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("promtool finished")
                .isTrue();
        assertThat(process.exitValue())
                .as("promtool %s:%n%s", String.join(" ", arguments), output)
                .isZero();
        return output;
    }
}
