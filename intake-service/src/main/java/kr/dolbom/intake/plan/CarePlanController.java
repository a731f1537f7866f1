package kr.dolbom.intake.plan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kr.dolbom.events.CarePlanApproved;
import kr.dolbom.platform.domain.RuleViolation;
import kr.dolbom.platform.security.Caller;
import kr.dolbom.platform.web.IfMatch;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * 돌봄계획: a care manager drafts the plan of an order (a draft replaces the previous draft) and approves it. Each
 * answer carries the plan's revision as {@code ETag}; a change sent with {@code If-Match} of an older one is refused
 * (412).
 */
@RestController
@RequestMapping("/api/v1/care-orders/{id}/plan")
class CarePlanController {

    /** Planned occurrences one answer lists: a year of a full plan. */
    private static final int LONGEST_RANGE_DAYS = 366;

    private final CarePlanning planning;

    CarePlanController(CarePlanning planning) {
        this.planning = planning;
    }

    /**
     * @param effectiveFrom when this version takes over: the request's day for the first version, today (or
     *     later) for a revision; lines of the order the version leaves out end the day before
     */
    record PlanForm(
            @Nullable LocalDate effectiveFrom,
            @NotNull @Size(min = 1, max = 10) List<@NotNull @Valid LineForm> lines) {}

    /**
     * One line of the order, planned: exactly one of {@code rule} (RFC 5545, e.g. {@code FREQ=WEEKLY;BYDAY=MO,TH},
     * counted from {@code startsOn}) and {@code dates}.
     *
     * @param quantityPerOccurrence visits (timed services) or units (meals, jobs) on each date
     */
    record LineForm(
            @NotNull UUID lineId,

            @NotNull @Min(1) @Max(CarePlan.MOST_PER_OCCURRENCE)
            Integer quantityPerOccurrence,

            @Nullable Integer minutesPerVisit,
            @Size(max = 200) @Nullable String rule,

            @Size(min = 1, max = CarePlanApproved.MOST_OCCURRENCES) @Nullable
            List<@NotNull LocalDate> dates,

            @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn) {

        CarePlan.ProposedLine proposed() {
            return new CarePlan.ProposedLine(
                    lineId, quantityPerOccurrence, minutesPerVisit, rule, dates, startsOn, endsOn);
        }
    }

    /**
     * The plan's versions and its planned occurrences from {@code from} to {@code to} (the whole plan when absent,
     * at most a year at a time).
     */
    @GetMapping
    Mono<ResponseEntity<CarePlanView>> readCarePlan(
            Caller caller,
            @PathVariable("id") UUID id,
            @RequestParam(name = "from", required = false) @Nullable LocalDate from,
            @RequestParam(name = "to", required = false) @Nullable LocalDate to) {
        LocalDate first = from == null ? LocalDate.MIN : from;
        LocalDate last = to == null ? LocalDate.MAX : to;
        if (last.isBefore(first)) {
            return Mono.error(RuleViolation.invalid("to", "must not be before from (" + first + ")"));
        }
        if (from != null && to != null && to.isAfter(from.plusDays(LONGEST_RANGE_DAYS))) {
            return Mono.error(RuleViolation.invalid("to", "lists at most " + LONGEST_RANGE_DAYS + " days at a time"));
        }
        return planning.read(caller, id).map(plan -> answer(plan, first, last));
    }

    /** Drafts the next version of the plan; nothing changes for providers until it is approved. */
    @PutMapping("/draft")
    Mono<ResponseEntity<CarePlanView>> draftCarePlan(
            Caller caller,
            @PathVariable("id") UUID id,
            @Valid @RequestBody PlanForm form,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return planning.draft(
                        caller,
                        id,
                        form.effectiveFrom(),
                        form.lines().stream().map(LineForm::proposed).toList(),
                        IfMatch.version(ifMatch))
                .map(plan -> answer(plan, LocalDate.MIN, LocalDate.MAX));
    }

    /** Approves the draft: it is the plan from its {@code effectiveFrom}, and the lines it ends stop there. */
    @PostMapping("/approval")
    Mono<ResponseEntity<CarePlanView>> approveCarePlan(
            Caller caller,
            @PathVariable("id") UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return planning.approve(caller, id, IfMatch.version(ifMatch))
                .map(plan -> answer(plan, LocalDate.MIN, LocalDate.MAX));
    }

    private static ResponseEntity<CarePlanView> answer(CarePlan plan, LocalDate from, LocalDate to) {
        return ResponseEntity.ok().eTag("\"" + plan.revision() + "\"").body(CarePlanView.of(plan, from, to));
    }
}
