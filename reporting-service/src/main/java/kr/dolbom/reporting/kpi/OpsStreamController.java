package kr.dolbom.reporting.kpi;

import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import kr.dolbom.platform.security.Caller;
import kr.dolbom.platform.security.CareRole;
import kr.dolbom.platform.security.Holder;
import kr.dolbom.reporting.ReadModelChanges;
import kr.dolbom.reporting.access.ReportingAccess;
import kr.dolbom.reporting.dashboard.StreamTickets;
import kr.dolbom.reporting.kpi.KpiAnswers.LineQueue;
import kr.dolbom.reporting.order.OrderKpiStore;
import kr.dolbom.reporting.order.OrderKpis;
import org.jspecify.annotations.Nullable;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The ops view live (운영 현황): the queue and the month's figures it shows, sent at once and again whenever a
 * consumer's transaction has changed the read models, never read on a timer. Opened with a ticket
 * ({@code POST /api/v1/operations/stream-tickets}), which the browser's EventSource puts in the URL; the stream ends
 * when the token the ticket stood for expires, and the page asks for a new ticket.
 */
@RestController
@RequestMapping("/api/v1/operations/queue")
class OpsStreamController {

    /** A comment this often keeps proxies and load balancers from closing a quiet stream. */
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** Changes closer together than this are one snapshot: a burst of batches costs one read per client. */
    static final Duration COALESCE = Duration.ofMillis(300);

    private final OrderKpiStore orders;
    private final LineQueues queues;
    private final ReadModelChanges changes;
    private final Clock clock;

    OpsStreamController(OrderKpiStore orders, LineQueues queues, ReadModelChanges changes, Clock clock) {
        this.orders = orders;
        this.queues = queues;
        this.changes = changes;
        this.clock = clock;
    }

    /** What the ops view shows of one district: the queue now, and this month's (Seoul) lines, holds, last resort. */
    record DistrictOps(
            String district, LineQueue queue, long linesRequested, long linesAssigned, long onHold, long lastResort) {

        static DistrictOps of(LineQueue queue, OrderKpis month) {
            return new DistrictOps(
                    queue.district(),
                    queue,
                    month.linesRequested(),
                    month.linesAssigned(),
                    Math.max(0, month.changes().held() - month.changes().resumed()),
                    month.lastResort());
        }
    }

    /** One snapshot: every district the stream covers, in the order of their names. */
    record OpsSnapshot(LocalDate asOf, YearMonth month, List<DistrictOps> districts) {}

    /**
     * {@code district}: one district; without it, every district the caller reaches (the city's all, an official's
     * own). Events named {@code queue}, each a whole {@link OpsSnapshot}; heartbeats are comments.
     */
    // no "produces": a refusal would be written as an event too; ServerSentEvent elements are text/event-stream anyway
    @GetMapping("/stream")
    Flux<ServerSentEvent<OpsSnapshot>> streamOpsQueue(
            Caller caller,
            @RequestParam(name = "district", required = false) @Size(max = 40) @Nullable String district) {
        String scope = district != null ? district : caller.is(CareRole.CITY_ADMIN) ? null : caller.district();
        if (scope == null) {
            // every district: the city's (an official's token always names a district, so scope is theirs)
            ReportingAccess.STREAM_OPS_QUEUE.admit(caller);
        } else {
            ReportingAccess.STREAM_OPS_QUEUE.reveal(caller, Holder.district(scope), "district", scope);
        }
        Flux<ServerSentEvent<OpsSnapshot>> snapshots = Flux.concat(
                        Mono.just(0L), changes.changes().sample(COALESCE))
                .onBackpressureLatest()
                .concatMap(change -> snapshot(scope), 1)
                .distinctUntilChanged()
                .map(snapshot ->
                        ServerSentEvent.builder(snapshot).event("queue").build());
        Flux<ServerSentEvent<OpsSnapshot>> heartbeats = Flux.interval(HEARTBEAT)
                .map(beat -> ServerSentEvent.<OpsSnapshot>builder()
                        .comment("heartbeat")
                        .build());
        return Flux.merge(snapshots, heartbeats).takeUntilOther(tokenExpires());
    }

    private Mono<OpsSnapshot> snapshot(@Nullable String scope) {
        LocalDate today = LocalDate.now(clock);
        YearMonth month = YearMonth.from(today);
        Flux<String> districts = scope == null ? orders.districts() : Flux.just(scope);
        return districts
                .concatMap(district -> Mono.zip(queues.now(district), orders.find(district, month), DistrictOps::of))
                .collectList()
                .map(all -> new OpsSnapshot(today, month, all));
    }

    /** When the token behind the ticket expires: a stream must not outlive the sign-in that opened it. */
    private Mono<Long> tokenExpires() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(SecurityContext::getAuthentication)
                .mapNotNull(StreamTickets::tokenExpiry)
                .flatMap(expiry -> Mono.delay(durationUntil(expiry)))
                .switchIfEmpty(Mono.never());
    }

    private Duration durationUntil(Instant expiry) {
        Duration left = Duration.between(clock.instant(), expiry);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
