package kr.dolbom.billing.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import kr.dolbom.billing.BillingIntegrationTest;
import kr.dolbom.testsupport.TestTokens;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Closing a month of 1,000,000 deliveries (issue 13): the charges generated in the database by one {@code insert …
 * select generate_series} (not through Kafka, which would take an hour here), then, each measured with the heap's
 * peak reset before it, the provider's submission and the officer's approval through the API (the real path), the
 * statement's XLSX and CSV downloaded and thrown away as they arrive, and as the baseline a plain {@code COPY (select
 * …) TO STDOUT} of the same rows over JDBC. Opt-in, as it takes minutes:
 *
 * <pre>./mvnw -B -ntp -pl billing-service -am verify -Dit.test=SettlementCloseBenchIT -Dtest=none \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dbilling.closeBench=true [-Dbilling.closeBench.deliveries=1000000]</pre>
 */
@EnabledIfSystemProperty(
        named = "billing.closeBench",
        matches = "true",
        disabledReason = "the close benchmark of 1,000,000 deliveries runs with -Dbilling.closeBench=true")
class SettlementCloseBenchIT extends BillingIntegrationTest {

    private static final YearMonth MONTH = YearMonth.of(2024, 3);
    private static final String SELECT = """
            select id, delivery_id, service_date, service_type, minutes, units, amount, public_share, co_payment
            from charge
            where district = 'mapo' and provider_id = '%s' and settlement_month = '2024-03-01'
            order by service_date, charged_at, id""";

    @Autowired
    private Environment environment;

    private final List<String> table = new ArrayList<>();

    @Test
    void closesAndExportsAMonthOfAMillionDeliveries() throws Exception {
        int deliveries = Integer.getInteger("billing.closeBench.deliveries", 1_000_000);
        String provider = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        TestTokens.Token staff = TestTokens.provider("mapo", provider);
        TestTokens.Token officer = TestTokens.billingOfficer("mapo");

        measure("generate (insert … generate_series)", deliveries, () -> generate(provider, deliveries));
        measure("submit (provider, API)", deliveries, () -> step(staff, provider, "submission"));
        long close = measure("close: approve (officer, API)", deliveries, () -> step(officer, provider, "approval"));
        long xlsx =
                measure("statement.xlsx, streamed, discarded", deliveries, () -> download(officer, provider, "xlsx"));
        long csv = measure("statement.csv, streamed, discarded", deliveries, () -> download(officer, provider, "csv"));
        long copy = measure("COPY (select …) TO STDOUT, JDBC", deliveries, () -> copy(provider));

        StringBuilder report = new StringBuilder("\nClose benchmark, " + deliveries + " deliveries in " + MONTH
                + " (max heap " + mib(Runtime.getRuntime().maxMemory()) + ", "
                + Runtime.getRuntime().availableProcessors() + " cores)\n");
        report.append(String.format(
                Locale.ROOT, "%-40s %12s %10s %14s %14s%n", "phase", "bytes/rows", "time", "heap peak", "heap after"));
        table.forEach(row -> report.append(row).append('\n'));
        report.append(String.format(
                Locale.ROOT,
                "ratio to COPY: close %.2f, xlsx %.2f, csv %.2f%n",
                (double) close / copy,
                (double) xlsx / copy,
                (double) csv / copy));
        System.out.println(report);
        assertThat(Duration.ofNanos(close))
                .as("close of %d deliveries", deliveries)
                .isLessThan(Duration.ofSeconds(60));
    }

    private long generate(String provider, int deliveries) {
        db.sql("""
                        insert into charge (id, delivery_id, care_order_id, line_id, provider_id, district, service_type,
                                            resident_ref, income_tier, service_date, minutes, amount, public_share,
                                            co_payment, tariff_id, settlement_month)
                        select gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), :provider,
                               'mapo', 'TEMPORARY_HOME_CARE', gen_random_uuid(),
                               case when i % 3 = 0 then 'GENERAL' else 'BASIC_LIVELIHOOD' end,
                               date '2024-03-01' + i % 31, 60 + i % 4 * 60, price,
                               case when i % 3 = 0 then 0 else price end, case when i % 3 = 0 then price else 0 end,
                               'care-sos-2021-home-care', date '2024-03-01'
                        from generate_series(1, :deliveries) as i,
                             lateral (select (array[22640, 38340, 48170, 56320])[i % 4 + 1]::bigint as price) p""")
                .bind("provider", provider)
                .bind("deliveries", deliveries)
                .fetch()
                .rowsUpdated()
                .block();
        // the draft its charges were booked into, with their running totals, as charging would have left it
        db.sql("""
                        insert into settlement (id, district, provider_id, month, state, version, lines, amount,
                                                public_share, co_payment)
                        select gen_random_uuid(), 'mapo', :provider, date '2024-03-01', 'DRAFT', 1 + count(*),
                               count(*), sum(amount), sum(public_share), sum(co_payment)
                        from charge where provider_id = :provider and settlement_month = '2024-03-01'""").bind("provider", provider).fetch().rowsUpdated().block();
        db.sql("""
                        insert into settlement_history (settlement_id, version, state, at, note)
                        select id, version, 'DRAFT', now(), 'generated by the close benchmark'
                        from settlement where provider_id = :provider""").bind("provider", provider).fetch().rowsUpdated().block();
        db.sql("analyze charge").fetch().rowsUpdated().block();
        return deliveries;
    }

    private long step(TestTokens.Token caller, String provider, String step) {
        as(caller)
                .post()
                .uri("/api/v1/settlements/{p}/{m}/{step}", provider, MONTH, step)
                .exchange()
                .expectStatus()
                .isOk();
        return 0;
    }

    private long download(TestTokens.Token caller, String provider, String format) {
        AtomicLong bytes = new AtomicLong();
        WebClient.builder()
                .baseUrl("http://localhost:" + environment.getRequiredProperty("local.server.port"))
                .defaultHeaders(headers -> headers.setBearerAuth(caller.mint()))
                .build()
                .get()
                .uri("/api/v1/settlements/{p}/{m}/statement.{f}", provider, MONTH, format)
                .retrieve()
                .bodyToFlux(DataBuffer.class)
                .doOnNext(buffer -> {
                    bytes.addAndGet(buffer.readableByteCount());
                    DataBufferUtils.release(buffer);
                })
                .blockLast(Duration.ofMinutes(15));
        return bytes.get();
    }

    private long copy(String provider) throws Exception {
        String url = "jdbc:postgresql://" + environment.getRequiredProperty("dolbom.db.host") + ":"
                + environment.getRequiredProperty("dolbom.db.port") + "/"
                + environment.getRequiredProperty("dolbom.db.name");
        try (Connection connection = DriverManager.getConnection(
                url,
                environment.getRequiredProperty("spring.r2dbc.username"),
                environment.getRequiredProperty("spring.r2dbc.password"))) {
            return connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyOut(
                            "copy (" + SELECT.formatted(provider) + ") to stdout (format csv)",
                            OutputStream.nullOutputStream());
        }
    }

    /** Runs the phase with the heap's peak reset after a collection, and adds its row to the table. */
    private long measure(String phase, int deliveries, Callable<Long> work) throws Exception {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long started = System.nanoTime();
        @Nullable Long result = work.call();
        long elapsed = System.nanoTime() - started;
        long peak =
                heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.gc();
        long after = heap.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
        table.add(String.format(
                Locale.ROOT,
                "%-40s %12s %8.2f s %14s %14s",
                phase,
                result == null || result == 0 ? "" : String.valueOf(result),
                elapsed / 1e9,
                mib(peak),
                mib(after)));
        System.out.println(phase + " (" + deliveries + "): " + table.get(table.size() - 1));
        return elapsed;
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / 1024.0 / 1024.0);
    }
}
