package kr.dolbom.billing.funding;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import kr.dolbom.events.IncomeTier;
import kr.dolbom.events.ServiceType;
import kr.dolbom.platform.domain.RuleViolation;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class FundingRuleStore {

    private static final String COLUMNS = """
            id, district, service_type, income_tier, effective_from, public_share_bp, basis, recorded_by,
            recorded_as_role, recorded_at""";

    private final DatabaseClient db;

    FundingRuleStore(DatabaseClient db) {
        this.db = db;
    }

    /**
     * The rule in force on the day for the district's program and tier: the latest to take effect on or before it,
     * of the district's own and the city-wide ones, the district's first on the same day. Refused when there is
     * none, as a delivery is never split by a guess.
     */
    public Mono<FundingRule> inForce(String district, ServiceType type, IncomeTier tier, LocalDate day) {
        return db.sql("select " + COLUMNS + """
                         from funding_rule
                        where (district = :district or district is null) and service_type = :type
                          and income_tier = :tier and effective_from <= :day
                        order by effective_from desc, district nulls last limit 1""")
                .bind("district", district)
                .bind("type", type.name())
                .bind("tier", tier.name())
                .bind("day", day)
                .map(FundingRuleStore::rule)
                .one()
                .switchIfEmpty(Mono.error(() -> RuleViolation.refused(
                        "serviceDate",
                        "no funding rule for " + type + " and " + tier + " in " + district + " in force on " + day)));
    }

    /** The city-wide rules and the district's own, by program, tier and day. */
    Flux<FundingRule> of(String district) {
        return db.sql("select " + COLUMNS + """
                         from funding_rule where district = :district or district is null
                        order by service_type, income_tier, effective_from, district nulls first""")
                .bind("district", district)
                .map(FundingRuleStore::rule)
                .all();
    }

    /** False when the district has a rule of the program and tier from that day already: rules are never edited. */
    Mono<Boolean> insert(FundingRule rule) {
        return db.sql("""
                        insert into funding_rule (id, district, service_type, income_tier, effective_from,
                                                  public_share_bp, basis, recorded_by, recorded_as_role, recorded_at)
                        values (:id, :district, :type, :tier, :from, :share, :basis, :by, :role, :at)
                        on conflict do nothing""")
                .bind("id", rule.id())
                .bind("district", Parameter.fromOrEmpty(rule.district(), String.class))
                .bind("type", rule.serviceType().name())
                .bind("tier", rule.incomeTier().name())
                .bind("from", rule.effectiveFrom())
                .bind("share", rule.publicShare().basisPoints())
                .bind("basis", rule.basis())
                .bind("by", Parameter.fromOrEmpty(rule.recordedBy(), String.class))
                .bind("role", Parameter.fromOrEmpty(rule.recordedAsRole(), String.class))
                .bind("at", Parameter.fromOrEmpty(rule.recordedAt(), Instant.class))
                .fetch()
                .rowsUpdated()
                .map(inserted -> inserted == 1);
    }

    private static FundingRule rule(Readable row) {
        return new FundingRule(
                row.get("id", String.class),
                row.get("district", String.class),
                ServiceType.valueOf(row.get("service_type", String.class)),
                IncomeTier.valueOf(row.get("income_tier", String.class)),
                row.get("effective_from", LocalDate.class),
                new PublicShare(row.get("public_share_bp", Integer.class)),
                row.get("basis", String.class),
                row.get("recorded_by", String.class),
                row.get("recorded_as_role", String.class),
                row.get("recorded_at", Instant.class));
    }
}
