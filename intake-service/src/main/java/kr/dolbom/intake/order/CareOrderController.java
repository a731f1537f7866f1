package kr.dolbom.intake.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import kr.dolbom.events.CancelReason;
import kr.dolbom.events.HoldReason;
import kr.dolbom.events.ServiceType;
import kr.dolbom.intake.access.IntakeAccess;
import kr.dolbom.platform.domain.RuleViolation;
import kr.dolbom.platform.security.Caller;
import kr.dolbom.platform.security.Holder;
import kr.dolbom.platform.web.IfMatch;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A care order: read it, and change a running one (hold, resume, cancel). Each answer carries the order's
 * version as {@code ETag}; a change sent with {@code If-Match} of an older version is refused (412) instead of
 * undoing what someone else did meanwhile. An illegal change for the order's status is a 409 naming it.
 */
@RestController
@RequestMapping("/api/v1/care-orders")
class CareOrderController {

    private final CareOrderStore orders;
    private final OrderLifecycle lifecycle;
    private final Clock clock;

    CareOrderController(CareOrderStore orders, OrderLifecycle lifecycle, Clock clock) {
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    /**
     * @param from     the first day without services (an admission), today when absent
     * @param resumeOn when services are expected back, if known
     */
    record HoldForm(
            @NotNull HoldReason reason,
            @Nullable LocalDate from,
            @Nullable LocalDate resumeOn,
            @Size(max = 500) @Nullable String note) {}

    /** @param on the first day of services again, today when absent */
    record ResumeForm(@Nullable LocalDate on) {}

    /** @param on the first day without the order, today when absent */
    record CancelForm(
            @NotNull CancelReason reason,
            @Nullable LocalDate on,
            @Size(max = 500) @Nullable String note) {}

    /** A page of the work list, and where the next one starts (absent on the last page). */
    record WorkList(
            List<CareOrderStore.Listed> orders, @Nullable String next) {}

    static final int PAGE = 50;
    static final List<OrderStatus> OPEN =
            Stream.of(OrderStatus.values()).filter(OrderStatus::open).toList();

    /**
     * 업무 목록: the district's orders, open ones unless {@code status} says otherwise, most urgent first (then
     * the oldest request). A care manager with dongs sees those dongs only. {@code notStartedAfterDays}: only orders
     * requested that many days ago or more that have had no delivery yet (첫 서비스 지연). {@code after} is the
     * {@code next} of the previous page: pages stay stable while orders come in.
     */
    @GetMapping
    Mono<WorkList> listCareOrders(
            Caller caller,
            @RequestParam("district") @NotBlank @Size(max = 40) String district,
            @RequestParam(name = "status", required = false) @Nullable List<OrderStatus> status,
            @RequestParam(name = "dong", required = false) @Size(max = 40) @Nullable String dong,
            @RequestParam(name = "service", required = false) @Nullable ServiceType service,
            @RequestParam(name = "urgent", required = false) @Nullable Boolean urgent,
            @RequestParam(name = "notStartedAfterDays", required = false) @Min(0) @Max(366) @Nullable
                    Integer notStartedAfterDays,
            @RequestParam(name = "after", required = false) @Size(max = 200) @Nullable String after,
            @RequestParam(name = "limit", defaultValue = "" + PAGE) @Min(1) @Max(200) int limit) {
        IntakeAccess.LIST_CARE_ORDERS.reveal(caller, Holder.district(district).dong(dong), "district", district);
        List<String> dongs = dong != null ? List.of(dong) : caller.dongs();
        List<OrderStatus> statuses = status == null || status.isEmpty() ? OPEN : status;
        LocalDate requestedBy =
                notStartedAfterDays == null ? null : LocalDate.now(clock).minusDays(notStartedAfterDays);
        return orders.workList(district, dongs, statuses, service, urgent, requestedBy, Cursor.parse(after), limit + 1)
                .collectList()
                .map(page -> page.size() <= limit
                        ? new WorkList(page, null)
                        : new WorkList(page.subList(0, limit), Cursor.after(page.get(limit - 1))));
    }

    /** The order's status and lines, no personal data; a forged id of another district is not found. */
    @GetMapping("/{id}")
    Mono<ResponseEntity<CareOrderView>> readCareOrder(Caller caller, @PathVariable("id") UUID id) {
        IntakeAccess.READ_CARE_ORDER.admit(caller);
        return orders.reveal(caller, IntakeAccess.READ_CARE_ORDER, id)
                .then(Mono.defer(() -> orders.find(id)))
                .flatMap(this::answer);
    }

    /** 보류: services pause (a hospital admission, a trip); providers' capacity is given back meanwhile. */
    @PostMapping("/{id}/hold")
    Mono<ResponseEntity<CareOrderView>> holdCareOrder(
            Caller caller,
            @PathVariable("id") UUID id,
            @Valid @RequestBody HoldForm form,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return lifecycle
                .hold(caller, id, form.reason(), form.from(), form.resumeOn(), form.note(), IfMatch.version(ifMatch))
                .flatMap(this::answer);
    }

    @PostMapping("/{id}/resume")
    Mono<ResponseEntity<CareOrderView>> resumeCareOrder(
            Caller caller,
            @PathVariable("id") UUID id,
            @Valid @RequestBody(required = false) @Nullable ResumeForm form,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return lifecycle
                .resume(caller, id, form == null ? null : form.on(), IfMatch.version(ifMatch))
                .flatMap(this::answer);
    }

    /** 취소: the order ends; no delivery dated from then on is accepted or charged. */
    @PostMapping("/{id}/cancel")
    Mono<ResponseEntity<CareOrderView>> cancelCareOrder(
            Caller caller,
            @PathVariable("id") UUID id,
            @Valid @RequestBody CancelForm form,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return lifecycle
                .cancel(caller, id, form.reason(), form.on(), form.note(), IfMatch.version(ifMatch))
                .flatMap(this::answer);
    }

    /** An opaque position in the work list: its sort key, base64url. */
    static final class Cursor {

        private Cursor() {}

        static String after(CareOrderStore.Listed last) {
            String key = last.priority().rank() + "|" + last.requestedOn() + "|" + last.careOrderId();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
        }

        static CareOrderStore.@Nullable Position parse(@Nullable String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            try {
                String[] key =
                        new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
                if (key.length == 3) {
                    return new CareOrderStore.Position(
                            Integer.parseInt(key[0]), LocalDate.parse(key[1]), UUID.fromString(key[2]));
                }
            } catch (IllegalArgumentException | DateTimeParseException notACursor) {
                // answered below
            }
            throw RuleViolation.invalid("after", "must be the 'next' of a previous page");
        }
    }

    private Mono<ResponseEntity<CareOrderView>> answer(CareOrder order) {
        return orders.history(order.id())
                .collectList()
                .map(history ->
                        ResponseEntity.ok().eTag("\"" + order.version() + "\"").body(CareOrderView.of(order, history)));
    }
}
