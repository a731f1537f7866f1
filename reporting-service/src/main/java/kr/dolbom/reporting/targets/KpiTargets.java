package kr.dolbom.reporting.targets;

import java.time.Clock;
import java.time.YearMonth;
import kr.dolbom.platform.domain.RuleViolation;
import kr.dolbom.platform.security.Caller;
import kr.dolbom.platform.security.Holder;
import kr.dolbom.reporting.access.ReportingAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Setting a district's targets (a new version each time) and reading them back as a history. */
@Service
@EnableConfigurationProperties(DistrictsProperties.class)
public class KpiTargets {

    private static final Logger log = LoggerFactory.getLogger(KpiTargets.class);

    private final TargetStore store;
    private final DistrictsProperties districts;
    private final Clock clock;

    KpiTargets(TargetStore store, DistrictsProperties districts, Clock clock) {
        this.store = store;
        this.districts = districts;
        this.clock = clock;
    }

    /**
     * One statement: the row is written whole or not at all. The caller's rule first, so that another district's
     * officer learns nothing; then the district must be one of the city's, the value a positive count or sum.
     */
    Mono<Target> set(Caller caller, String district, TargetedKpi kpi, YearMonth validFrom, long value) {
        ReportingAccess.SET_KPI_TARGET.create(caller, Holder.district(district), "district");
        if (!districts.districts().contains(district)) {
            throw RuleViolation.invalid("district", "'" + district + "' is not a district of the city");
        }
        Target.requireValue(value);
        Target.requireMonth("validFrom", validFrom);
        return store.insert(
                        district,
                        kpi,
                        validFrom,
                        value,
                        caller.subject(),
                        caller.role().name(),
                        clock.instant())
                .doOnSuccess(target -> log.info(
                        "Target {} of {} from {} is {} (#{}), set by {} ({})",
                        kpi,
                        district,
                        validFrom,
                        value,
                        target.id(),
                        caller.subject(),
                        caller.role()));
    }

    /** Every version; an empty history for a district without targets (or one of which nothing is known). */
    public Mono<TargetHistory> history(String district) {
        return store.versions(district).collectList().map(versions -> new TargetHistory(district, versions));
    }
}
