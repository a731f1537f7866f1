package kr.dolbom.billing.settlement;

import java.io.IOException;
import java.time.YearMonth;
import java.util.Iterator;
import java.util.List;
import kr.dolbom.events.DeliveryHoldReason;
import kr.dolbom.events.ServiceType;
import org.jspecify.annotations.Nullable;

/**
 * The files the district's billing officer works with: a provider's statement of a month (정산 내역서) and the
 * district's payment list of a month (지급 목록). Both are a table of lines under Korean headers, then a block of
 * totals in the same columns; every amount is a whole number of won.
 */
public final class SettlementExport {

    public static final List<String> STATEMENT =
            List.of("구분", "청구번호", "제공번호", "일자", "서비스", "시간(분)", "수량", "단가", "금액", "공공부담", "본인부담");

    public static final List<String> PAYMENT_LIST =
            List.of("제공기관", "정산월", "상태", "건수", "금액", "공공부담", "본인부담", "조정 건수", "조정 금액", "승인일", "지급일", "지급번호");

    private SettlementExport() {}

    /** A statement without held deliveries. */
    public static Totals statement(
            Sheet sheet,
            String providerId,
            YearMonth month,
            @Nullable Settlement settlement,
            Iterator<StatementLine> lines)
            throws IOException {
        return statement(sheet, providerId, month, settlement, lines, List.of());
    }

    /**
     * Every line (a reversal as 취소, negative), then the sums of the month's own charges, of the adjustments, of the
     * reversals and of all. The sums are those of
     * the lines written; a month that takes no more lines (submitted, approved, paid) must come to its settlement's
     * totals to the won, or the file is broken off rather than finished with a total that is not the books'. Then,
     * apart and in no sum, the month's held deliveries (보류), each with its day, service, reason and day of the hold,
     * and their count.
     *
     * @param settlement the provider's settlement of the month; none while no charge counts in it
     * @param held the provider's deliveries of the month held for the window, neither released nor rejected
     * @return the total of the lines
     */
    public static Totals statement(
            Sheet sheet,
            String providerId,
            YearMonth month,
            @Nullable Settlement settlement,
            Iterator<StatementLine> lines,
            List<HeldDelivery> held)
            throws IOException {
        Totals own = Totals.NONE;
        Totals adjustments = Totals.NONE;
        Totals reversals = Totals.NONE;
        while (lines.hasNext()) {
            StatementLine line = lines.next();
            boolean adjustment = line.adjustmentOf(month);
            sheet.row(
                    line.reversal() ? "취소" : adjustment ? "조정" : "청구",
                    line.chargeId().toString(),
                    line.deliveryId().toString(),
                    line.serviceDate(),
                    label(line.serviceType()),
                    line.minutes(),
                    line.quantity(),
                    line.unitPrice(),
                    line.amount(),
                    line.publicShare(),
                    line.coPayment());
            if (line.reversal()) {
                reversals = reversals.plus(line.totals());
            } else if (adjustment) {
                adjustments = adjustments.plus(line.totals());
            } else {
                own = own.plus(line.totals());
            }
        }
        Totals total = own.plus(adjustments).plus(reversals);
        if (settlement != null && !settlement.state().open()) {
            if (!total.equals(settlement.total())
                    || !adjustments.equals(settlement.adjustments())
                    || !reversals.equals(settlement.reversals())) {
                throw new IllegalStateException("the lines of " + settlement + " come to " + total + " (adjustments "
                        + adjustments + ", reversals " + reversals + "), not its " + settlement.total() + " ("
                        + settlement.adjustments() + ", " + settlement.reversals() + ")");
            }
        }
        sheet.row();
        sheet.row("구분", "건수", null, null, null, null, null, null, "금액", "공공부담", "본인부담");
        totals(sheet, "청구", own);
        totals(sheet, "조정", adjustments);
        totals(sheet, "취소", reversals);
        totals(sheet, "합계", total);
        sheet.row();
        // in the statement's columns where they mean the same; a held delivery has no charge, so no 청구번호, no amount
        sheet.row("보류 (정산 제외)", null, "제공번호", "일자", "서비스", "보류 사유", "보류일");
        for (HeldDelivery hold : held) {
            sheet.row(
                    "보류",
                    null,
                    hold.deliveryId().toString(),
                    hold.serviceDate(),
                    label(hold.serviceType()),
                    label(hold.reason()),
                    hold.heldOn());
        }
        sheet.row("보류 건수", (long) held.size());
        sheet.row();
        sheet.row("제공기관", providerId);
        sheet.row("정산월", month.toString());
        sheet.row("상태", label(settlement == null ? SettlementState.DRAFT : settlement.state()));
        if (settlement != null && settlement.approvedOn() != null) {
            sheet.row("승인일", settlement.approvedOn());
        }
        if (settlement != null && settlement.payment() != null) {
            sheet.row("지급일", settlement.payment().paidOn());
            sheet.row("지급번호", settlement.payment().reference());
        }
        return total;
    }

    /**
     * One row per provider whose month is payable: approved (to pay) or paid (with its reference and day). Drafts
     * and submitted months are not in the list: nothing of them is owed until the officer approves. Then the sums of
     * the approved, of the paid, and of all.
     *
     * @param payable the district's approved and paid settlements of the month
     * @return the total of the rows
     */
    public static Totals paymentList(Sheet sheet, Iterator<Settlement> payable) throws IOException {
        Totals approved = Totals.NONE;
        Totals paid = Totals.NONE;
        Totals approvedAdjustments = Totals.NONE;
        Totals paidAdjustments = Totals.NONE;
        while (payable.hasNext()) {
            Settlement settlement = payable.next();
            if (!settlement.state().closed()) {
                throw new IllegalArgumentException(settlement + " is not payable");
            }
            Payment payment = settlement.payment();
            Totals total = settlement.total();
            sheet.row(
                    settlement.providerId(),
                    settlement.month().toString(),
                    label(settlement.state()),
                    total.lines(),
                    total.amount(),
                    total.publicShare(),
                    total.coPayment(),
                    settlement.adjustments().lines(),
                    settlement.adjustments().amount(),
                    settlement.approvedOn(),
                    payment == null ? null : payment.paidOn(),
                    payment == null ? null : payment.reference());
            if (payment == null) {
                approved = approved.plus(total);
                approvedAdjustments = approvedAdjustments.plus(settlement.adjustments());
            } else {
                paid = paid.plus(total);
                paidAdjustments = paidAdjustments.plus(settlement.adjustments());
            }
        }
        Totals total = approved.plus(paid);
        sheet.row();
        sheet.row("구분", null, null, "건수", "금액", "공공부담", "본인부담", "조정 건수", "조정 금액");
        paymentTotals(sheet, "승인 (지급 전)", approved, approvedAdjustments);
        paymentTotals(sheet, "지급", paid, paidAdjustments);
        paymentTotals(sheet, "합계", total, approvedAdjustments.plus(paidAdjustments));
        return total;
    }

    private static void totals(Sheet sheet, String label, Totals totals) throws IOException {
        sheet.row(
                label,
                totals.lines(),
                null,
                null,
                null,
                null,
                null,
                null,
                totals.amount(),
                totals.publicShare(),
                totals.coPayment());
    }

    private static void paymentTotals(Sheet sheet, String label, Totals totals, Totals adjustments) throws IOException {
        sheet.row(
                label,
                null,
                null,
                totals.lines(),
                totals.amount(),
                totals.publicShare(),
                totals.coPayment(),
                adjustments.lines(),
                adjustments.amount());
    }

    static String label(ServiceType type) {
        return switch (type) {
            case TEMPORARY_HOME_CARE -> "일시재가";
            case MOBILITY_SUPPORT -> "이동지원";
            case MEAL_SUPPORT -> "식사지원";
            case HOUSING_REPAIR -> "주거편의";
        };
    }

    static String label(DeliveryHoldReason reason) {
        return switch (reason) {
            case WORKER_OVERLAP -> "동시 방문";
            case NOT_PLANNED -> "계획 외 방문";
            case OVERLONG_VISIT -> "장시간 방문";
            case LATE_REPORT -> "지연 보고";
        };
    }

    static String label(SettlementState state) {
        return switch (state) {
            case DRAFT -> "작성 중";
            case SUBMITTED -> "제출";
            case APPROVED -> "승인";
            case PAID -> "지급";
        };
    }

    /** The file's name: what it is, whose and which month; without the characters a file system refuses. */
    public static String filename(String what, String whose, YearMonth month, ExportFormat format) {
        return what + "-" + whose.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_") + "-" + month + "." + format.extension();
    }
}
