package kr.dolbom.billing.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.UUID;
import java.util.function.UnaryOperator;
import kr.dolbom.events.SettlementApproved;
import kr.dolbom.events.SettlementPaid;
import kr.dolbom.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The states of a provider's month: every change from every state, legal or not, and what each one records. */
class SettlementTest {

    static final YearMonth MARCH = YearMonth.of(2026, 3);
    static final YearMonth APRIL = YearMonth.of(2026, 4);
    static final LocalDate APRIL_3 = LocalDate.of(2026, 4, 3);
    static final LocalDate APRIL_10 = LocalDate.of(2026, 4, 10);

    /** The four changes, each applied as the rules allow it in April. */
    enum Change {
        BOOK(settlement -> settlement.book(Lines.visit(settlement, LocalDate.of(2026, 3, 9), 38_340))),
        SUBMIT(settlement -> settlement.submit(APRIL)),
        APPROVE(settlement -> settlement.approve(APRIL_3)),
        PAY(settlement -> settlement.recordPayment(new Payment("마포-2026-0410-7", APRIL_10), APRIL_10));

        final UnaryOperator<Settlement> apply;

        Change(UnaryOperator<Settlement> apply) {
            this.apply = apply;
        }

        /** The one state each change is legal in. */
        SettlementState from() {
            return switch (this) {
                case BOOK, SUBMIT -> SettlementState.DRAFT;
                case APPROVE -> SettlementState.SUBMITTED;
                case PAY -> SettlementState.APPROVED;
            };
        }
    }

    @ParameterizedTest
    @EnumSource(Change.class)
    void eachChangeIsLegalInOneStateOnlyAndElsewhereAConflictNamingTheState(Change change) {
        for (SettlementState state : SettlementState.values()) {
            Settlement settlement = in(state);
            if (state == change.from()) {
                Settlement changed = change.apply.apply(settlement);
                assertThat(changed.version()).isEqualTo(settlement.version() + 1);
            } else {
                assertThatThrownBy(() -> change.apply.apply(settlement))
                        .as("%s from %s", change, state)
                        .isInstanceOfSatisfying(RuleViolation.class, refusal -> {
                            assertThat(refusal.kind()).isEqualTo(RuleViolation.Kind.CONFLICT);
                            assertThat(refusal.properties()).containsEntry("state", state.name());
                            assertThat(refusal.getMessage()).contains("is " + state);
                        });
            }
        }
    }

    @Test
    void aMonthGoesFromDraftToPaidThroughEachStateOnce() {
        Settlement draft = in(SettlementState.DRAFT);
        Settlement submitted = draft.submit(APRIL);
        Settlement approved = submitted.approve(APRIL_3);
        Settlement paid = approved.recordPayment(new Payment("  마포-2026-0410-7 ", APRIL_10), APRIL_10);

        assertThat(EnumSet.of(draft.state(), submitted.state(), approved.state(), paid.state()))
                .containsExactly(SettlementState.values());
        assertThat(draft.state().open()).isTrue();
        assertThat(submitted.state().open()).isFalse();
        assertThat(submitted.state().closed()).isFalse();
        assertThat(approved.state().closed()).isTrue();
        assertThat(paid.state().closed()).isTrue();
        assertThat(approved.approvedOn()).isEqualTo(APRIL_3);
        assertThat(paid.approvedOn()).isEqualTo(APRIL_3);
        assertThat(paid.payment()).isEqualTo(new Payment("마포-2026-0410-7", APRIL_10));
        assertThat(paid.total()).isEqualTo(draft.total());
        assertThat(paid.version()).isEqualTo(draft.version() + 3);
    }

    @Test
    void aMonthIsSubmittedOnceItIsOver() {
        Settlement march = in(SettlementState.DRAFT);

        assertThatThrownBy(() -> march.submit(MARCH)).isInstanceOfSatisfying(RuleViolation.class, refusal -> {
            assertThat(refusal.kind()).isEqualTo(RuleViolation.Kind.REFUSED);
            assertThat(refusal.violations())
                    .extracting(RuleViolation.Violation::field)
                    .containsExactly("month");
        });
        assertThat(march.submit(APRIL).state()).isEqualTo(SettlementState.SUBMITTED);
    }

    @Test
    void aPaymentNamesItsReferenceAndADayBetweenTheApprovalAndToday() {
        Settlement approved = in(SettlementState.APPROVED);

        assertInvalid(() -> approved.recordPayment(new Payment("   ", APRIL_10), APRIL_10), "reference");
        assertInvalid(() -> approved.recordPayment(new Payment("x".repeat(101), APRIL_10), APRIL_10), "reference");
        assertInvalid(() -> approved.recordPayment(new Payment("two\nlines", APRIL_10), APRIL_10), "reference");
        assertInvalid(() -> approved.recordPayment(new Payment("ref", APRIL_10.plusDays(1)), APRIL_10), "paidOn");
        assertInvalid(() -> approved.recordPayment(new Payment("ref", APRIL_3.minusDays(1)), APRIL_10), "paidOn");

        assertThat(approved.recordPayment(new Payment("x".repeat(100), APRIL_3), APRIL_10)
                        .payment())
                .isEqualTo(new Payment("x".repeat(100), APRIL_3));
    }

    @Test
    void aChangeBasedOnAnOlderVersionIsStale() {
        Settlement draft = in(SettlementState.DRAFT);
        Settlement booked = draft.book(Lines.visit(draft, LocalDate.of(2026, 3, 20), 22_640));

        booked.expectVersion(null);
        booked.expectVersion(booked.version());
        assertThatThrownBy(() -> booked.expectVersion(draft.version()))
                .isInstanceOfSatisfying(
                        RuleViolation.class,
                        refusal -> assertThat(refusal.kind()).isEqualTo(RuleViolation.Kind.STALE));
    }

    @Test
    void theAnnouncementsCarryTheClosedTotals() {
        Settlement approved = in(SettlementState.APPROVED);

        SettlementApproved approval = approved.approval();
        assertThat(approval.settlementId()).isEqualTo(approved.id());
        assertThat(approval.subject()).isEqualTo(approved.id().toString());
        assertThat(approval.month()).isEqualTo(MARCH);
        assertThat(approval.lines()).isEqualTo(approved.total().lines());
        assertThat(approval.amount()).isEqualTo(approved.total().amount());
        assertThat(approval.publicShare()).isEqualTo(approved.total().publicShare());
        assertThat(approval.adjustmentLines()).isEqualTo(approved.adjustments().lines());
        assertThat(approval.adjustmentAmount()).isEqualTo(approved.adjustments().amount());
        assertThat(approval.approvedOn()).isEqualTo(APRIL_3);

        SettlementPaid paid =
                approved.recordPayment(new Payment("ref-1", APRIL_10), APRIL_10).paid();
        assertThat(paid.amount()).isEqualTo(approved.total().amount());
        assertThat(paid.reference()).isEqualTo("ref-1");
        assertThat(paid.paidOn()).isEqualTo(APRIL_10);
    }

    /** March of one provider in the given state, with two lines of March and one adjustment of February. */
    static Settlement in(SettlementState state) {
        Settlement draft = Settlement.open(UUID.randomUUID(), "mapo", "mapo-homecare-coop", MARCH);
        draft = draft.book(Lines.visit(draft, LocalDate.of(2026, 3, 2), 38_340));
        draft = draft.book(Lines.visit(draft, LocalDate.of(2026, 3, 31), 56_320));
        draft = draft.book(Lines.visit(draft, LocalDate.of(2026, 2, 27), 22_640));
        return switch (state) {
            case DRAFT -> draft;
            case SUBMITTED -> draft.submit(APRIL);
            case APPROVED -> draft.submit(APRIL).approve(APRIL_3);
            case PAID -> draft.submit(APRIL).approve(APRIL_3).recordPayment(new Payment("ref", APRIL_10), APRIL_10);
        };
    }

    private static void assertInvalid(Runnable change, String field) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(RuleViolation.class, refusal -> {
            assertThat(refusal.kind()).isEqualTo(RuleViolation.Kind.INVALID);
            assertThat(refusal.violations())
                    .extracting(RuleViolation.Violation::field)
                    .containsExactly(field);
        });
    }
}
