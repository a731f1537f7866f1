package kr.dolbom.billing.settlement;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.UUID;
import kr.dolbom.events.SettlementApproved;
import kr.dolbom.events.SettlementPaid;
import kr.dolbom.platform.domain.RuleViolation;
import org.jspecify.annotations.Nullable;

/**
 * 월 정산: what the district owes one provider for one month, per district. A draft takes the month's charges and
 * the adjustments (late charges of the provider's closed months); the provider submits it, confirming the statement,
 * the billing officer approves it, which closes the month for good, and records the payment. Each change is a
 * guarded method returning the settlement at its next version; an illegal one is a conflict naming the state.
 *
 * @param version grows with every line booked and every change of state: the {@code ETag}, so that a statement
 *     confirmed or approved is the one its caller saw
 * @param total every line of the month, adjustments and reversals included
 * @param adjustments of those, the late charges of earlier, closed months
 * @param approvedOn the Korean day of the approval, once approved
 * @param reversals of those, the reversals of voided deliveries' charges booked here (negative sums)
 */
public record Settlement(
        UUID id,
        String district,
        String providerId,
        YearMonth month,
        SettlementState state,
        int version,
        Totals total,
        Totals adjustments,
        @Nullable LocalDate approvedOn,
        @Nullable Payment payment,
        Totals reversals) {

    /** A provider's month comes to at most this; a line beyond it is refused rather than booked. */
    public static final long LARGEST_TOTAL = SettlementApproved.LARGEST_TOTAL;

    public Settlement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        if (version < 1) {
            throw new IllegalArgumentException("a settlement starts at version 1");
        }
        if (reversals.amount() > 0 || reversals.publicShare() > 0 || reversals.coPayment() > 0) {
            throw new IllegalArgumentException("the reversals of " + month + " take back, never add");
        }
        if (Math.addExact(adjustments.lines(), reversals.lines()) > total.lines()
                || adjustments.amount() < 0
                || adjustments.amount() > Math.subtractExact(total.amount(), reversals.amount())) {
            throw new IllegalArgumentException("the adjustments and reversals of " + month + " are part of its total");
        }
        if (state.closed() != (approvedOn != null) || (state == SettlementState.PAID) != (payment != null)) {
            throw new IllegalArgumentException("a " + state + " settlement has " + (approvedOn == null ? "no " : "an ")
                    + "approval and " + (payment == null ? "no " : "a ") + "payment");
        }
    }

    /** A settlement without reversals, as every one was before deliveries could be voided. */
    public Settlement(
            UUID id,
            String district,
            String providerId,
            YearMonth month,
            SettlementState state,
            int version,
            Totals total,
            Totals adjustments,
            @Nullable LocalDate approvedOn,
            @Nullable Payment payment) {
        this(id, district, providerId, month, state, version, total, adjustments, approvedOn, payment, Totals.NONE);
    }

    /** A new draft, before its first line. */
    public static Settlement open(UUID id, String district, String providerId, YearMonth month) {
        return new Settlement(
                id, district, providerId, month, SettlementState.DRAFT, 1, Totals.NONE, Totals.NONE, null, null);
    }

    /**
     * The line counted in this month: its own charge when it was delivered in the month, an adjustment when it was
     * delivered in an earlier one, or a reversal of a charge (of this month or an earlier one). Only a draft takes
     * lines; the total may not pass {@link #LARGEST_TOTAL}.
     */
    public Settlement book(SettlementLine line) {
        expect(state.open(), "take the line of charge " + line.chargeId());
        if (!line.district().equals(district) || !line.providerId().equals(providerId)) {
            throw new IllegalArgumentException("charge " + line.chargeId() + " is not a line of " + this);
        }
        if (line.serviceMonth().isAfter(month)) {
            throw new IllegalArgumentException(
                    "charge " + line.chargeId() + " of " + line.serviceDate() + " cannot count in " + month);
        }
        Totals more = total.plus(line);
        if (more.amount() > LARGEST_TOTAL) {
            throw RuleViolation.refused(
                    "amount",
                    "charge " + line.chargeId() + " of " + line.amount() + " won would take the settlement of "
                            + providerId + " for " + month + " beyond " + LARGEST_TOTAL + " won");
        }
        boolean adjustment = !line.reversal() && line.serviceMonth().isBefore(month);
        return new Settlement(
                id,
                district,
                providerId,
                month,
                state,
                version + 1,
                more,
                adjustment ? adjustments.plus(line) : adjustments,
                approvedOn,
                payment,
                line.reversal() ? reversals.plus(line) : reversals);
    }

    /**
     * 제출: the provider confirms the statement. A month is submitted once it is over (from the first of the next
     * month), so that no delivery of it is still to come in the ordinary way.
     */
    public Settlement submit(YearMonth currentMonth) {
        expect(state == SettlementState.DRAFT, "be submitted");
        if (!month.isBefore(currentMonth)) {
            throw RuleViolation.refused(
                    "month",
                    month + " is not over: it can be submitted from "
                            + month.plusMonths(1).atDay(1) + " on");
        }
        if (total.publicShare() < 0 || total.coPayment() < 0 || total.amount() < adjustments.amount()) {
            // the district pays a provider's month, it never collects one: such a month waits for more lines
            throw RuleViolation.refused(
                    "amount",
                    "the reversals booked in " + month + " (" + reversals.amount() + " won) take back more than its"
                            + " own charges add: it comes to " + total.amount() + " won (public "
                            + total.publicShare() + ", co-payment " + total.coPayment() + ") and stays a draft,"
                            + " taking the provider's late lines, until it comes to no less than its adjustments ("
                            + adjustments.amount() + " won)");
        }
        return next(SettlementState.SUBMITTED, null, null);
    }

    /** 승인: the billing officer approves the statement the provider submitted; the month is closed from now on. */
    public Settlement approve(LocalDate today) {
        expect(state == SettlementState.SUBMITTED, "be approved");
        return next(SettlementState.APPROVED, today, null);
    }

    /**
     * 지급: the payment of the approved month. The reference is one line of 1 to 100 characters (leading and trailing
     * blanks dropped); the day is neither in the future nor before the approval.
     */
    public Settlement recordPayment(Payment payment, LocalDate today) {
        expect(state == SettlementState.APPROVED, "be paid");
        String reference = payment.reference().strip();
        if (reference.isEmpty()) {
            throw RuleViolation.invalid("reference", "must not be blank");
        }
        if (reference.length() > SettlementPaid.LONGEST_REFERENCE) {
            throw RuleViolation.invalid(
                    "reference", "must be at most " + SettlementPaid.LONGEST_REFERENCE + " characters");
        }
        if (reference.chars().anyMatch(Character::isISOControl)) {
            throw RuleViolation.invalid("reference", "must be one line of text, without control characters");
        }
        if (payment.paidOn().isAfter(today)) {
            throw RuleViolation.invalid("paidOn", "is in the future: today is " + today);
        }
        LocalDate approved = Objects.requireNonNull(approvedOn, "an approved settlement has its day");
        if (payment.paidOn().isBefore(approved)) {
            throw RuleViolation.invalid("paidOn", "is before the approval of " + month + " on " + approved);
        }
        return next(SettlementState.PAID, approvedOn, new Payment(reference, payment.paidOn()));
    }

    /** The version the caller saw must be the current one: a change based on an older one is refused (412). */
    public void expectVersion(@Nullable Integer seen) {
        if (seen != null && seen != version) {
            throw RuleViolation.stale("the settlement of " + providerId + " for " + month + " is at version " + version
                    + ", not " + seen + "; read it again before changing it");
        }
    }

    /** What the approval announces: the closed month's totals, equal to the sum of its lines. */
    public SettlementApproved approval() {
        LocalDate approved = Objects.requireNonNull(approvedOn, "approved");
        return new SettlementApproved(
                id,
                district,
                providerId,
                month,
                total.lines(),
                total.amount(),
                total.publicShare(),
                total.coPayment(),
                adjustments.lines(),
                adjustments.amount(),
                approved);
    }

    /** What the payment announces. */
    public SettlementPaid paid() {
        Payment paid = Objects.requireNonNull(payment, "paid");
        return new SettlementPaid(
                id,
                district,
                providerId,
                month,
                total.amount(),
                total.publicShare(),
                total.coPayment(),
                paid.reference(),
                paid.paidOn());
    }

    private Settlement next(SettlementState to, @Nullable LocalDate approved, @Nullable Payment paid) {
        return new Settlement(
                id, district, providerId, month, to, version + 1, total, adjustments, approved, paid, reversals);
    }

    private void expect(boolean allowed, String change) {
        if (!allowed) {
            throw RuleViolation.conflict("the settlement of " + providerId + " for " + month + " is " + state
                            + " and cannot " + change)
                    .with("state", state.name());
        }
    }

    @Override
    public String toString() {
        return "settlement " + id + " (" + district + ", " + providerId + ", " + month + ", " + state + " v" + version
                + ")";
    }
}
