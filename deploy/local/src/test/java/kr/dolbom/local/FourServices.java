package kr.dolbom.local;

import io.micrometer.tracing.exporter.FinishedSpan;
import io.micrometer.tracing.exporter.SpanReporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import kr.dolbom.billing.BillingApplication;
import kr.dolbom.intake.IntakeApplication;
import kr.dolbom.matching.MatchingApplication;
import kr.dolbom.platform.security.CareSecurityAutoConfiguration;
import kr.dolbom.reporting.ReportingApplication;
import kr.dolbom.testsupport.Database;
import kr.dolbom.testsupport.Infrastructure;
import kr.dolbom.tokens.TokenClient;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import picocli.CommandLine;

/**
 * The four services side by side in this JVM, each on its own database, all on one broker, all trusting the local
 * issuer ({@code deploy/auth}, the jar the build puts in {@code target/services}), which runs in a JVM of its own as
 * in the stack: every call carries a token of the demo caller whose work it is.
 */
final class FourServices implements AutoCloseable {

    private static final Duration ISSUER_START = Duration.ofMinutes(5);

    final Service intake;
    /** Replaced by {@link #restartMatching}. */
    volatile Service matching;

    final Service billing;
    final Service reporting;
    private final List<Service> all = new ArrayList<>();
    private final Infrastructure infrastructure;
    private final ServiceProcess issuer;
    private final StackOptions issuerOptions;
    final TokenClient tokens;
    /** Every span the four services finished, as their tracers hand them to an exporter. */
    final List<TracedSpan> spans = new CopyOnWriteArrayList<>();

    /** A finished span and the service that made it. */
    record TracedSpan(String service, FinishedSpan span) {}

    FourServices(Infrastructure infrastructure) {
        this.infrastructure = infrastructure;
        issuerOptions = issuerOptions();
        issuer = LocalIssuer.process(issuerOptions);
        LocalIssuer.start(issuer, issuerOptions);
        tokens = TokenClient.of(LocalIssuer.uri(issuerOptions));
        // The services fetch the issuer's keys at their first token, so they may start while it does.
        intake = start(infrastructure, IntakeApplication.class, IntakeApplication.CONFIG_NAME, "intake");
        matching = start(infrastructure, MatchingApplication.class, MatchingApplication.CONFIG_NAME, "matching");
        billing = start(
                infrastructure,
                BillingApplication.class,
                BillingApplication.CONFIG_NAME,
                "billing",
                ServiceSpec.BILLING.demoArguments().toArray(String[]::new));
        reporting = start(infrastructure, ReportingApplication.class, ReportingApplication.CONFIG_NAME, "reporting");
        LocalStack.awaitReady(List.of(issuer), ISSUER_START, System.out);
    }

    /** The issuer on a free port, its key and log in a directory of its own. */
    private static StackOptions issuerOptions() {
        try {
            Path data = Files.createTempDirectory("four-services-issuer");
            int port;
            try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = free.getLocalPort();
            }
            CommandLine commandLine = LocalStack.commandLine(System.getenv());
            commandLine.parseArgs(
                    "--data-dir=" + data,
                    "--auth-port=" + port,
                    "--services-dir=" + Path.of("target/services").toAbsolutePath());
            StackOptions options = commandLine.getCommand();
            Files.createDirectories(options.logs());
            return options;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Service(ConfigurableApplicationContext context, Database database, WebTestClient http, TokenClient tokens) {

        /** The service as {@code caller} sees it: every request with that caller's token. */
        WebTestClient as(String caller) {
            return http.mutate()
                    .defaultHeader(HttpHeaders.AUTHORIZATION, tokens.authorization(caller))
                    .build();
        }

        DatabaseClient db() {
            return context.getBean(DatabaseClient.class);
        }

        long count(String sql, Object id) {
            return db().sql(sql)
                    .bind("id", id)
                    .map(row -> row.get(0, Long.class))
                    .one()
                    .block();
        }
    }

    /**
     * Stops matching and starts it again on its database, as a deployment does; {@code whileDown} is run on that
     * database in between: what happened while matching was not running.
     */
    void restartMatching(String whileDown) {
        Service stopped = matching;
        all.remove(stopped);
        stopped.context().close();
        Database db = stopped.database();
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement statement = connection.createStatement()) {
            statement.execute(whileDown);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        matching = start(infrastructure, db, MatchingApplication.class, MatchingApplication.CONFIG_NAME, "matching");
    }

    private Service start(
            Infrastructure infrastructure, Class<?> application, String configName, String database, String... extra) {
        return start(infrastructure, infrastructure.newDatabase(database), application, configName, database, extra);
    }

    private Service start(
            Infrastructure infrastructure,
            Database db,
            Class<?> application,
            String configName,
            String database,
            String... extra) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.config.name=" + configName,
                "--server.port=0",
                "--dolbom.demo-data=true",
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                "--dolbom.db.host=" + db.host(),
                "--dolbom.db.port=" + db.port(),
                "--dolbom.db.name=" + db.name(),
                "--spring.r2dbc.username=" + db.user(),
                "--spring.r2dbc.password=" + db.password(),
                "--" + CareSecurityAutoConfiguration.ENABLED + "=true",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + LocalIssuer.uri(issuerOptions),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + LocalIssuer.uri(issuerOptions)
                        + "/oauth2/jwks"));
        arguments.addAll(List.of(extra));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                // beside the OTLP exporter a city configures: the spans themselves, for the trace tests
                .initializers(starting -> {
                    starting.getBeanFactory().registerSingleton("spanCollector", (SpanReporter)
                            span -> spans.add(new TracedSpan(database, span)));
                    // Reactor Netty's global loops are the JVM's: one service stopped (a restart) would close them
                    // under the three others. Each keeps loops of its own, as in a JVM of its own.
                    starting.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                        @Override
                        public Object postProcessBeforeInitialization(Object bean, String name) {
                            if (bean instanceof ReactorResourceFactory resources) {
                                resources.setUseGlobalResources(false);
                            }
                            return bean;
                        }
                    });
                })
                .run(arguments.toArray(String[]::new));
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        Service service = new Service(
                context,
                db,
                WebTestClient.bindToServer()
                        .baseUrl("http://localhost:" + port)
                        .responseTimeout(Duration.ofSeconds(60)) // a first request on a loaded machine
                        .build(),
                tokens);
        all.add(service);
        return service;
    }

    @Override
    public void close() {
        all.forEach(service -> service.context().close());
        issuer.stop(Duration.ofSeconds(30));
        try (Stream<Path> files = Files.walk(issuerOptions.dataDir())) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: left for the system to clear
        }
    }
}
