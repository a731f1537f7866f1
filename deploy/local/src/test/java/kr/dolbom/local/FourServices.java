package kr.dolbom.local;

import java.util.ArrayList;
import java.util.List;
import kr.dolbom.billing.BillingApplication;
import kr.dolbom.intake.IntakeApplication;
import kr.dolbom.matching.MatchingApplication;
import kr.dolbom.reporting.ReportingApplication;
import kr.dolbom.testsupport.Database;
import kr.dolbom.testsupport.Infrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The four services side by side in this JVM, each on its own database, all on one broker. */
final class FourServices implements AutoCloseable {

    final Service intake;
    final Service matching;
    final Service billing;
    final Service reporting;
    private final List<Service> all = new ArrayList<>();

    FourServices(Infrastructure infrastructure) {
        intake = start(infrastructure, IntakeApplication.class, IntakeApplication.CONFIG_NAME, "intake");
        matching = start(infrastructure, MatchingApplication.class, MatchingApplication.CONFIG_NAME, "matching");
        billing = start(
                infrastructure,
                BillingApplication.class,
                BillingApplication.CONFIG_NAME,
                "billing",
                ServiceSpec.BILLING.demoArguments().toArray(String[]::new));
        reporting = start(infrastructure, ReportingApplication.class, ReportingApplication.CONFIG_NAME, "reporting");
    }

    record Service(ConfigurableApplicationContext context, WebTestClient http) {

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

    private Service start(
            Infrastructure infrastructure, Class<?> application, String configName, String database, String... extra) {
        Database db = infrastructure.newDatabase(database);
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.config.name=" + configName,
                "--server.port=0",
                "--dolbom.demo-data=true",
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                "--dolbom.db.host=" + db.host(),
                "--dolbom.db.port=" + db.port(),
                "--dolbom.db.name=" + db.name(),
                "--spring.r2dbc.username=" + db.user(),
                "--spring.r2dbc.password=" + db.password()));
        arguments.addAll(List.of(extra));
        ConfigurableApplicationContext context =
                new SpringApplicationBuilder(application).run(arguments.toArray(String[]::new));
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        Service service = new Service(
                context,
                WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build());
        all.add(service);
        return service;
    }

    @Override
    public void close() {
        all.forEach(service -> service.context().close());
    }
}
