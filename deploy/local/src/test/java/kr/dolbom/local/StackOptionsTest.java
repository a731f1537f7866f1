package kr.dolbom.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class StackOptionsTest {

    @Test
    void theWordMayComeAfterTheOptionsAsWellAsBefore() {
        StackOptions options =
                parse(Map.of(), "--fresh", "--data-dir=/tmp/stack/../dolbom", "--port-offset", "20000", "up");

        assertThat(options.action()).isEqualTo(StackOptions.Action.up);
        assertThat(options.fresh()).isTrue();
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/dolbom"));
        assertThat(options.logs()).isEqualTo(Path.of("/tmp/dolbom/logs"));
        assertThat(options.port(ServiceSpec.INTAKE)).isEqualTo(28081);
        assertThat(options.port(StackOptions.POSTGRES_PORT)).isEqualTo(35432);
    }

    @Test
    void theTourAsDemoShRunsIt() {
        StackOptions options = parse(
                Map.of("DOLBOM_POSTGRES_URL", " ", "DOLBOM_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092"),
                "demo",
                "--port-offset=100");

        assertThat(options.action()).isEqualTo(StackOptions.Action.demo);
        assertThat(options.fresh()).isFalse();
        assertThat(options.port(ServiceSpec.REPORTING)).isEqualTo(8184);
        assertThat(options.dataDir()).isEqualTo(Path.of(".local-stack").toAbsolutePath());
        assertThat(options.externalKafka()).isEqualTo("kafka:9092");
        assertThat(options.externalPostgres()).as("blank is unset").isNull();
        assertThat(options.postgresUser()).isEqualTo("postgres");
        assertThat(options.serviceJavaOptions()).isEqualTo("-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        assertThat(options.servicesDir().getFileName()).isEqualTo(Path.of("services"));
    }

    @Test
    void theStartUpTimeoutIsGenerousAndTheCommandLineWinsOverTheEnvironment() {
        assertThat(parse(Map.of()).startupTimeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(parse(Map.of("DOLBOM_STARTUP_TIMEOUT", "600")).startupTimeout())
                .isEqualTo(Duration.ofSeconds(600));
        assertThat(parse(Map.of("DOLBOM_STARTUP_TIMEOUT", "600"), "--startup-timeout=90")
                        .startupTimeout())
                .isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> parse(Map.of("DOLBOM_STARTUP_TIMEOUT", "5m")).startupTimeout())
                .isInstanceOf(StackFailure.class)
                .hasMessage("DOLBOM_STARTUP_TIMEOUT must be a number of seconds, not '5m'");
    }

    @Test
    void commitsAreDurableUnlessTheBenchmarkAsksOtherwise() {
        assertThat(parse(Map.of()).unsafeCommits()).isFalse();
        assertThat(parse(Map.of(), "--unsafe-commits").unsafeCommits()).isTrue();
        assertThat(parse(Map.of()).postgresPassword())
                .as("the embedded superuser's")
                .isEqualTo("postgres");
        assertThat(parse(Map.of("DOLBOM_POSTGRES_URL", "jdbc:postgresql://db:5432/postgres"))
                        .postgresPassword())
                .as("an existing server's, unless given")
                .isEmpty();
    }

    @Test
    void theServicesTrustTheStacksIssuerUnlessSecurityIsTurnedOffForTheBenchmark() {
        StackOptions options = parse(Map.of(), "--port-offset=100");
        assertThat(options.security()).isTrue();
        assertThat(options.authPort()).as("9000 plus the offset").isEqualTo(9100);
        assertThat(LocalIssuer.serviceEnvironment(options))
                .containsEntry("DOLBOM_SECURITY_ENABLED", "true")
                .containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", "http://localhost:9100")
                .containsEntry(
                        "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI", "http://localhost:9100/oauth2/jwks")
                .containsEntry("SPRINGDOC_SWAGGERUI_OAUTH_CLIENTID", "dolbom-web");
        assertThat(LocalIssuer.keyFile(options)).isEqualTo(options.dataDir().resolve("auth/signing-key.json"));
        assertThat(LocalIssuer.tokenCommand(options, "window@mapo"))
                .isEqualTo("DOLBOM_AUTH_URL=http://localhost:9100 deploy/local/token.sh window@mapo");
        assertThat(LocalIssuer.tokenCommand(parse(Map.of()), "window@mapo"))
                .isEqualTo("deploy/local/token.sh window@mapo");
        assertThat(parse(Map.of(), "--port-offset=100", "--auth-port=9999").authPort())
                .isEqualTo(9999);

        StackOptions open = parse(Map.of(), "--no-security");
        assertThat(open.security()).isFalse();
        assertThat(LocalIssuer.serviceEnvironment(open)).containsExactly(Map.entry("DOLBOM_SECURITY_ENABLED", "false"));
    }

    @Test
    void nothingGivenStartsTheStack() {
        assertThat(parse(Map.of()).action()).isEqualTo(StackOptions.Action.up);
    }

    @Test
    void helpListsTheOptionsAndAWrongArgumentIsOneLineWithASuggestion() {
        StringWriter out = new StringWriter();
        CommandLine help = LocalStack.commandLine(Map.of()).setOut(new PrintWriter(out));
        assertThat(help.execute("up", "--help")).isZero();
        assertThat(out.toString())
                .contains(
                        "[up|demo]",
                        "--fresh",
                        "--data-dir=DIR",
                        "--port-offset=N",
                        "--startup-timeout=SECONDS",
                        "--auth-port=PORT",
                        "--no-security",
                        "DOLBOM_STARTUP_TIMEOUT",
                        "DOLBOM_POSTGRES_URL",
                        "DOLBOM_SERVICE_JAVA_OPTS");

        StringWriter err = new StringWriter();
        CommandLine wrong = LocalStack.commandLine(Map.of()).setErr(new PrintWriter(err));
        assertThat(wrong.execute("--fres")).isEqualTo(2);
        assertThat(err.toString())
                .startsWith("local stack: Unknown option: '--fres'; try --help")
                .contains("--fresh")
                .doesNotContain("Usage:");
        assertThat(out.toString()).as("the benchmark's option").doesNotContain("--unsafe-commits");
    }

    private static StackOptions parse(Map<String, String> env, String... args) {
        CommandLine command = LocalStack.commandLine(env);
        command.parseArgs(args);
        return command.getCommand();
    }
}
