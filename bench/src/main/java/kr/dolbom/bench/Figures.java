package kr.dolbom.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.dolbom.tokens.Callers;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the system says about itself: the KPIs (as the city), the providers (as the window), the settlements (as
 * the billing officer), its metrics (as the operator), its database and broker.
 */
final class Figures {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern SAMPLE =
            Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)})? ([-+0-9.eE]+|NaN|[+-]Inf)$");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Stack stack;

    Figures(Stack stack) {
        this.stack = stack;
    }

    /** The counts the self-checks compare, as the reporting and billing services give them. */
    record Totals(
            long placed,
            long rejected,
            long linesRequested,
            long linesAssigned,
            long kpiDeliveries,
            long kpiCharges,
            long kpiChargedAmount,
            long billedDeliveries,
            long billedAmount,
            long deadLetters) {

        Totals minus(Totals base) {
            return new Totals(
                    placed - base.placed,
                    rejected - base.rejected,
                    linesRequested - base.linesRequested,
                    linesAssigned - base.linesAssigned,
                    kpiDeliveries - base.kpiDeliveries,
                    kpiCharges - base.kpiCharges,
                    kpiChargedAmount - base.kpiChargedAmount,
                    billedDeliveries - base.billedDeliveries,
                    billedAmount - base.billedAmount,
                    deadLetters - base.deadLetters);
        }
    }

    /** Orders count in the month they were requested, deliveries and charges in the month of their day. */
    Totals totals(YearMonth ordersMonth, YearMonth deliveryMonth, boolean withBilling)
            throws IOException, InterruptedException {
        JsonNode orders = get(
                        stack.baseUrl(8084) + "/api/v1/kpis/monthly?district=mapo&month=" + ordersMonth, Callers.CITY)
                .path("orders");
        JsonNode month =
                get(stack.baseUrl(8084) + "/api/v1/kpis/monthly?district=mapo&month=" + deliveryMonth, Callers.CITY);
        long deliveries = 0;
        for (JsonNode service : month.path("deliveries")) {
            deliveries += service.path("deliveries").asLong();
        }
        long billedDeliveries = 0;
        long billedAmount = 0;
        long deadLetters = 0;
        if (withBilling) {
            for (JsonNode provider : get(stack.baseUrl(8082) + "/api/v1/providers?district=mapo", Callers.WINDOW)) {
                // A provider the district has never charged is beyond the billing officer's reach (404): nothing
                // to settle.
                JsonNode settlement = getOrEmpty(
                        stack.baseUrl(8083) + "/api/v1/settlements?provider="
                                + provider.path("id").asString() + "&month=" + deliveryMonth,
                        Callers.BILLING);
                billedDeliveries += settlement.path("deliveries").asLong();
                billedAmount += settlement.path("amount").asLong();
            }
            deadLetters = deadLetters();
        }
        return new Totals(
                orders.path("placed").asLong(),
                orders.path("rejected").asLong(),
                orders.path("linesRequested").asLong(),
                orders.path("linesAssigned").asLong(),
                deliveries,
                month.path("charges").path("count").asLong(),
                month.path("charges").path("amount").asLong(),
                billedDeliveries,
                billedAmount,
                deadLetters);
    }

    /** Records on every dead-letter topic: a healthy run adds none. */
    long deadLetters() {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafka()))) {
            List<String> topics = admin.listTopics().names().get().stream()
                    .filter(name -> name.endsWith(".dlq"))
                    .toList();
            Map<TopicPartition, OffsetSpec> ends = new java.util.HashMap<>();
            admin.describeTopics(topics)
                    .allTopicNames()
                    .get()
                    .forEach((name, description) -> description
                            .partitions()
                            .forEach(partition ->
                                    ends.put(new TopicPartition(name, partition.partition()), OffsetSpec.latest())));
            return admin.listOffsets(ends).all().get().values().stream()
                    .mapToLong(info -> info.offset())
                    .sum();
        } catch (Exception e) {
            throw new IllegalStateException("cannot count dead letters: " + e.getMessage(), e);
        }
    }

    /** Transactions committed in the four services' databases (PostgreSQL's own count). */
    long commits() {
        return databaseTotal("xact_commit");
    }

    /**
     * Rows the four services' databases read (returned by their scans): a statement that scans a table growing with
     * the orders shows here as rows per order growing with the run.
     */
    long rowsRead() {
        return databaseTotal("tup_returned");
    }

    private long databaseTotal(String column) {
        Properties admin = new Properties();
        admin.setProperty("user", "postgres");
        admin.setProperty("password", Stack.POSTGRES_PASSWORD);
        try (Connection connection = DriverManager.getConnection(stack.postgresAdminUrl(), admin);
                ResultSet row = connection
                        .createStatement()
                        .executeQuery(
                                "select coalesce(sum(" + column + "), 0)"
                                        + " from pg_stat_database where datname in ('intake', 'matching', 'billing', 'reporting')")) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read pg_stat_database: " + e.getMessage(), e);
        }
    }

    /** A counter or bucket family summed over every label but those kept, from each service's /actuator/prometheus. */
    Map<String, Double> metric(String name, String keepLabel, int... basePorts)
            throws IOException, InterruptedException {
        return metric(name, keepLabel, null, null, basePorts);
    }

    /** As {@link #metric(String, String, int...)}, of the samples whose label {@code where} is {@code is} only. */
    Map<String, Double> metric(String name, String keepLabel, String where, String is, int... basePorts)
            throws IOException, InterruptedException {
        Map<String, Double> sums = new TreeMap<>();
        for (int port : basePorts) {
            for (String line : getText(stack.baseUrl(port) + "/actuator/prometheus", Callers.OPERATOR)
                    .split("\n")) {
                Matcher sample = SAMPLE.matcher(line);
                if (!sample.matches() || !sample.group(1).equals(name)) {
                    continue;
                }
                if (where != null && !is.equals(label(sample.group(3), where))) {
                    continue;
                }
                String key = keepLabel == null ? "" : label(sample.group(3), keepLabel);
                sums.merge(key, Double.parseDouble(sample.group(4)), Double::sum);
            }
        }
        return sums;
    }

    double total(String name, int... basePorts) throws IOException, InterruptedException {
        return metric(name, null, basePorts).values().stream()
                .mapToDouble(Double::doubleValue)
                .sum();
    }

    private static String label(String labels, String name) {
        Matcher value = Pattern.compile(name + "=\"([^\"]*)\"").matcher(labels == null ? "" : labels);
        return value.find() ? value.group(1) : "";
    }

    JsonNode get(String url, String caller) throws IOException, InterruptedException {
        return JSON.readTree(getText(url, caller));
    }

    /** As {@link #get}, but an empty object for 404. */
    private JsonNode getOrEmpty(String url, String caller) throws IOException, InterruptedException {
        HttpResponse<String> response = send(url, caller);
        return response.statusCode() == 404 ? JSON.createObjectNode() : JSON.readTree(body(url, caller, response));
    }

    private String getText(String url, String caller) throws IOException, InterruptedException {
        return body(url, caller, send(url, caller));
    }

    private HttpResponse<String> send(String url, String caller) throws IOException, InterruptedException {
        return http.send(
                stack.tokens()
                        .authorize(HttpRequest.newBuilder(URI.create(url)), caller)
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String body(String url, String caller, HttpResponse<String> response) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException("GET " + url + (stack.secured() ? " as " + caller : "") + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
