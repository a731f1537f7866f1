package kr.dolbom.reporting.kpi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kr.dolbom.reporting.kpi.KpiAnswers.CityKpis;
import kr.dolbom.reporting.kpi.KpiAnswers.DongKpis;
import kr.dolbom.reporting.kpi.KpiAnswers.KpiTrend;
import kr.dolbom.reporting.kpi.KpiAnswers.LineQueue;
import kr.dolbom.reporting.kpi.KpiAnswers.MonthlyKpis;
import kr.dolbom.reporting.order.DongLines;
import kr.dolbom.reporting.targets.Attainment;
import kr.dolbom.reporting.targets.TargetedKpi;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The dashboard's tables as Excel workbooks, one sheet each, headed in the official's language (messages*.properties)
 * with the figures as numbers, so that a district's officer can sum and chart them on.
 */
@Component
class KpiSheets {

    private static final String SHARE = "0.0%";

    /** The columns of a month, in the trend's and the city's sheets alike. */
    private static final List<String> MONTH_FIGURES = List.of(
            "sheet.placed",
            "sheet.rejected",
            "sheet.urgentOrders",
            "sheet.linesRequested",
            "sheet.linesAssigned",
            "sheet.matchRate",
            "sheet.lastResortShare",
            "sheet.usersServed",
            "sheet.emergencyUsers",
            "sheet.emergencyServiceDays",
            "sheet.meals",
            "sheet.amount",
            "sheet.publicShare",
            "sheet.coPayment",
            "sheet.medianDays",
            "sheet.deliveriesHeld",
            "sheet.reversals",
            "sheet.reversedAmount");

    /** Each targeted KPI's two columns after the month's figures: the target in force, and the share attained. */
    private static List<String> targetColumns() {
        List<String> columns = new ArrayList<>();
        for (TargetedKpi kpi : TargetedKpi.values()) {
            columns.add("sheet.target." + kpi.name());
            columns.add("sheet.attainment." + kpi.name());
        }
        return columns;
    }

    private final MessageSource messages;

    KpiSheets(MessageSource messages) {
        this.messages = messages;
    }

    byte[] trend(KpiTrend trend, Locale locale) {
        List<List<@Nullable Object>> rows = new ArrayList<>();
        for (MonthlyKpis month : trend.months()) {
            List<@Nullable Object> row = new ArrayList<>();
            row.add(month.month().toString());
            row.addAll(monthFigures(month));
            rows.add(row);
        }
        List<String> header = new ArrayList<>();
        header.add("sheet.month");
        header.addAll(MONTH_FIGURES);
        header.addAll(targetColumns());
        return workbook(trend.district() + " " + trend.to(), labels(header, locale), rows);
    }

    byte[] city(CityKpis city, Locale locale) {
        List<List<@Nullable Object>> rows = new ArrayList<>();
        for (MonthlyKpis district : city.districts()) {
            List<@Nullable Object> row = new ArrayList<>();
            row.add(district.district());
            row.addAll(monthFigures(district));
            rows.add(row);
        }
        List<String> header = new ArrayList<>();
        header.add("sheet.district");
        header.addAll(MONTH_FIGURES);
        header.addAll(targetColumns());
        return workbook(city.month().toString(), labels(header, locale), rows);
    }

    byte[] dongs(DongKpis dongs, Locale locale) {
        List<List<@Nullable Object>> rows = new ArrayList<>();
        for (DongLines dong : dongs.dongs()) {
            rows.add(row(dong.dong(), dong.linesRequested(), dong.linesAssigned(), dong.matchRate()));
        }
        return workbook(
                dongs.district() + " " + dongs.month(),
                labels(List.of("sheet.dong", "sheet.linesRequested", "sheet.linesAssigned", "sheet.matchRate"), locale),
                rows);
    }

    byte[] queue(LineQueue queue, Locale locale) {
        List<List<@Nullable Object>> rows = new ArrayList<>();
        queue.groups()
                .forEach(group -> rows.add(row(
                        messages.getMessage(group.urgent() ? "sheet.urgent" : "sheet.regular", null, locale),
                        messages.getMessage("service." + group.serviceType().name(), null, locale),
                        group.dong(),
                        group.lines(),
                        group.oldestRequestedOn().toString(),
                        group.longestWaitDays())));
        return workbook(
                queue.district() + " " + queue.asOf(),
                labels(
                        List.of(
                                "sheet.urgency",
                                "sheet.service",
                                "sheet.dong",
                                "sheet.waiting",
                                "sheet.oldestRequestedOn",
                                "sheet.longestWaitDays"),
                        locale),
                rows);
    }

    /** A month's figures, then each targeted KPI's target and attainment, empty where no target is in force. */
    private static List<@Nullable Object> monthFigures(MonthlyKpis month) {
        List<@Nullable Object> figures = row(
                month.orders().placed(),
                month.orders().rejected(),
                month.orders().urgent(),
                month.orders().linesRequested(),
                month.orders().linesAssigned(),
                month.orders().matchRate(),
                month.orders().lastResortShare(),
                month.usersServed().total(),
                month.emergencyCare().users(),
                month.emergencyCare().serviceDays(),
                month.meals(),
                month.charges().amount(),
                month.charges().publicShare(),
                month.charges().coPayment(),
                month.orders().firstService().medianDays(),
                month.held(),
                month.charges().reversals(),
                month.charges().reversedAmount());
        for (TargetedKpi kpi : TargetedKpi.values()) {
            Attainment attained = month.targets().stream()
                    .filter(attainment -> attainment.kpi() == kpi)
                    .findFirst()
                    .orElse(null);
            figures.add(attained == null ? null : attained.target());
            figures.add(attained == null ? null : attained.share());
        }
        return figures;
    }

    private static List<@Nullable Object> row(@Nullable Object... cells) {
        List<@Nullable Object> row = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            row.add(cell);
        }
        return row;
    }

    private List<String> labels(List<String> keys, Locale locale) {
        return keys.stream().map(key -> messages.getMessage(key, null, locale)).toList();
    }

    /** Numbers stay numbers (shares formatted as percentages); an unknown figure is an empty cell, not a zero. */
    private static byte[] workbook(String title, List<String> header, List<List<@Nullable Object>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(bytes, "dolbom", "1.0");
            // Excel allows 31 characters and no []:*?/\ in a sheet's name
            Worksheet sheet = workbook.newWorksheet(sheetName(title));
            for (int column = 0; column < header.size(); column++) {
                sheet.value(0, column, header.get(column));
                sheet.style(0, column).bold().set();
            }
            for (int r = 0; r < rows.size(); r++) {
                List<@Nullable Object> row = rows.get(r);
                for (int column = 0; column < row.size(); column++) {
                    Object cell = row.get(column);
                    if (cell instanceof BigDecimal share) {
                        sheet.value(r + 1, column, share);
                        sheet.style(r + 1, column).format(SHARE).set();
                    } else if (cell instanceof Number number) {
                        sheet.value(r + 1, column, number);
                    } else if (cell != null) {
                        sheet.value(r + 1, column, cell.toString());
                    }
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("an in-memory workbook could not be written", e);
        }
        return bytes.toByteArray();
    }

    private static String sheetName(String title) {
        String name = title.replaceAll("[\\[\\]:*?/\\\\]", "-");
        return name.length() <= 31 ? name : name.substring(0, 31);
    }
}
