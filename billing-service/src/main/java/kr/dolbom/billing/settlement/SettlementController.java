package kr.dolbom.billing.settlement;

import jakarta.validation.constraints.NotBlank;
import java.time.YearMonth;
import kr.dolbom.events.ServiceType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/settlements")
class SettlementController {

    private final DatabaseClient db;

    SettlementController(DatabaseClient db) {
        this.db = db;
    }

    /** The month's total for one provider; a month without deliveries settles at zero. */
    @GetMapping
    Mono<Settlement> settlement(@RequestParam("provider") @NotBlank String provider,
            @RequestParam("month") YearMonth month) {
        return db.sql("""
                        select service_type, count(*) as deliveries, sum(amount)::bigint as amount,
                               sum(public_share)::bigint as public_share, sum(co_payment)::bigint as co_payment
                        from charge
                        where provider_id = :provider and service_date >= :first and service_date < :next
                        group by service_type order by service_type""")
                .bind("provider", provider)
                .bind("first", month.atDay(1))
                .bind("next", month.plusMonths(1).atDay(1))
                .map(row -> new Settlement.Line(ServiceType.valueOf(row.get("service_type", String.class)),
                        row.get("deliveries", Long.class), row.get("amount", Long.class),
                        row.get("public_share", Long.class), row.get("co_payment", Long.class)))
                .all()
                .collectList()
                .map(lines -> Settlement.of(provider, month, lines));
    }
}
