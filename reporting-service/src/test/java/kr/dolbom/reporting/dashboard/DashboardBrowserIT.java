package kr.dolbom.reporting.dashboard;

import static kr.dolbom.reporting.CareEvents.assigned;
import static kr.dolbom.reporting.CareEvents.charged;
import static kr.dolbom.reporting.CareEvents.held;
import static kr.dolbom.reporting.CareEvents.placed;
import static kr.dolbom.reporting.CareEvents.rejected;
import static kr.dolbom.reporting.CareEvents.reversed;
import static kr.dolbom.reporting.CareEvents.units;
import static kr.dolbom.reporting.CareEvents.visit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.logging.Level;
import java.util.stream.Stream;
import kr.dolbom.events.DeliveryCharged;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.OrderPlaced;
import kr.dolbom.events.ServiceType;
import kr.dolbom.platform.PlatformAutoConfiguration;
import kr.dolbom.reporting.ReportingIntegrationTest;
import kr.dolbom.testsupport.TestTokens;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard in a real browser (Debian's Chromium, headless): an official signs in with a token of the
 * platform's issuer, and the pages draw the figures of a lifecycle that went through the real broker into
 * reporting. Where no Chromium is installed the tests are skipped and say so ({@code .ci/run} installs it).
 * Screenshots go to {@code target/screenshots/}.
 */
class DashboardBrowserIT extends ReportingIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(DashboardBrowserIT.class);

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path DOWNLOADS =
            Path.of("target", "downloads", UUID.randomUUID().toString()).toAbsolutePath();

    private static WebDriver browser;

    /** This month in Seoul, when the pages open by default, and the month before, for the filter to go back to. */
    private final YearMonth thisMonth = YearMonth.now(PlatformAutoConfiguration.SEOUL);

    private final YearMonth lastMonth = thisMonth.minusMonths(1);

    @LocalServerPort
    private int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no Chromium here (" + CHROMIUM + ", " + CHROMEDRIVER + "): the dashboard's browser tests are skipped;"
                        + " apt-get install chromium chromium-driver fonts-nanum (as .ci/run does) to run them");
        Files.createDirectories(DOWNLOADS);
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // a Korean official's browser: Korean is what the pages show unless asked otherwise
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,2400", "--lang=ko-KR");
        Map<String, Object> preferences = new HashMap<>();
        preferences.put("intl.accept_languages", "ko-KR,ko");
        preferences.put("download.default_directory", DOWNLOADS.toString());
        preferences.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", preferences);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(driver, options);
        // the waits are Awaitility's; a page load itself may take long on a busy machine
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Every page ran without a script error or a refused resource (a CSP violation shows up here too). */
    @AfterEach
    void noErrorsInTheConsole(TestInfo test) {
        List<String> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                // the pages asking for what an official may not see: the answer the test expects, not a fault
                .filter(message -> !message.contains("the server responded with a status of 404")
                        && !message.contains("the server responded with a status of 403")
                        && !message.contains("the server responded with a status of 400"))
                .toList();
        assertThat(severe)
                .as("errors in the browser's console during %s", test.getDisplayName())
                .isEmpty();
    }

    @Test
    void theDistrictViewDrawsTheSeededMonthsAndFollowsTheMonthFilter() throws IOException {
        seedLifecycle(district);
        signIn(TestTokens.window(district));

        assertThat(browser.getCurrentUrl()).contains("/dashboard/district.html?district=" + district);
        awaitReady();
        screenshot("district-" + thisMonth);
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("신청 (접수)", "연계율", "이용자 수");
        assertThat(figures("placed", "rejected", "urgent", "linesRequested", "linesAssigned", "lastResort"))
                .containsExactly("2", "1", "1", "4", "3", "1");
        assertThat(shown("matchRate")).isEqualTo("75.0%");
        assertThat(figures("usersServed", "meals", "amount", "publicShare", "coPayment"))
                .containsExactly("2", "7", "70810", "48170", "22640");
        assertThat(shown("amount")).isEqualTo("70,810");

        // users served, then deliveries, per service in the order of ServiceType
        assertThat(chartData("services", 0)).containsExactly(1L, 0L, 1L, 0L);
        assertThat(chartData("services", 1)).containsExactly(1L, 0L, 1L, 0L);
        assertThat(chartData("charges", 0)).containsExactly(48_170L, 22_640L);
        assertThat(script("return window.dashboardCharts.dongs.data.labels").toString())
                .isEqualTo("[hapjeong, mangwon1]");
        assertThat(chartData("dongs", 0)).containsExactly(1L, 3L);
        assertThat(chartData("dongs", 1)).containsExactly(1L, 2L);
        assertThat(rowOf(readCsv(exportCsv("table-dongs")), "mangwon1"))
                .containsExactly("mangwon1", "3", "2", "0.6667");
        List<Object> trendLabels = script("return window.dashboardCharts.trend.data.labels");
        assertThat(trendLabels).hasSize(12).endsWith(lastMonth.toString(), thisMonth.toString());
        assertThat(chartData("trend", 0)).hasSize(12).endsWith(1L, 2L); // placed
        assertThat(chartData("trend", 1)).endsWith(1L, 3L); // lines matched

        Path csv = exportCsv("table-trend");
        List<List<String>> rows = readCsv(csv);
        assertThat(rows.get(0)).startsWith("월", "신청 (접수)", "반려", "긴급 신청");
        List<String> current = rowOf(rows, thisMonth.toString());
        assertThat(current.subList(1, 6)).containsExactly("2", "1", "1", "4", "3");
        assertThat(new BigDecimal(current.get(6))).isEqualByComparingTo("0.75");
        assertThat(current.subList(7, 12)).containsExactly("2", "7", "70810", "48170", "22640");
        assertThat(rowOf(rows, lastMonth.toString()).subList(1, 6)).containsExactly("1", "0", "0", "2", "1");

        List<Row> workbook = readXlsx(export("table-trend", "xlsx"));
        assertThat(workbook.get(0).getCellText(0)).isEqualTo("월");
        Row sheetRow = workbook.stream()
                .filter(row -> row.getCellText(0).equals(thisMonth.toString()))
                .findFirst()
                .orElseThrow();
        assertThat(sheetRow.getCellAsNumber(1)).hasValue(BigDecimal.valueOf(2));
        assertThat(sheetRow.getCellAsNumber(12)).hasValue(BigDecimal.valueOf(70_810));

        WebElement month = browser.findElement(By.id("month"));
        month.clear();
        month.sendKeys(lastMonth.toString());
        browser.findElement(By.id("apply")).click();
        eventually().until(() -> browser.getCurrentUrl().contains("month=" + lastMonth));
        awaitReady();
        screenshot("district-" + lastMonth);
        assertThat(figures("placed", "linesRequested", "linesAssigned", "usersServed", "meals", "amount"))
                .containsExactly("1", "2", "1", "1", "10", "38340");
        assertThat(figures("reversals", "reversedAmount", "deliveriesHeldMonth"))
                .containsExactly("1", "1000", "1");
        assertThat(shown("matchRate")).isEqualTo("50.0%");
        assertThat(chartData("services", 0)).containsExactly(0L, 0L, 1L, 0L);

        open("/dashboard/district.html?district=" + district + "&month=" + lastMonth + "&lang=en");
        awaitReady();
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Orders placed", "Match rate");
        assertThat(figures("placed")).containsExactly("1");
    }

    @Test
    void theCityViewPutsEveryDistrictSideBySide() {
        String other = unique("seodaemun");
        seedLifecycle(district);
        OrderPlaced quiet = placed(other, thisMonth.atDay(1), false, 5);
        awaitApplied(publish(quiet), publish(assigned(quiet.careOrderId(), other, thisMonth.atDay(1), false)));
        signIn(TestTokens.cityAdmin());

        assertThat(browser.getCurrentUrl()).contains("/dashboard/city.html");
        awaitReady();
        screenshot("city-" + thisMonth);
        // columns: district, placed, urgent, requested, matched, match rate, last resort, users, meals, charged
        assertThat(cityRow(district).subList(0, 5)).containsExactly(district, "2", "1", "4", "3");
        assertThat(cityRow(district).subList(7, 10)).containsExactly("2", "7", "70810");
        assertThat(cityRow(other).subList(0, 5)).containsExactly(other, "1", "0", "5", "1");
        List<Object> districts = script("return window.dashboardCharts.cityUsers.data.labels");
        List<Long> users = chartData("cityUsers", 0);
        assertThat(users.get(districts.indexOf(district))).isEqualTo(2L);
        assertThat(users.get(districts.indexOf(other))).isZero();

        WebElement month = browser.findElement(By.id("month"));
        month.clear();
        month.sendKeys(lastMonth.toString());
        browser.findElement(By.id("apply")).click();
        eventually().until(() -> browser.getCurrentUrl().contains("month=" + lastMonth));
        awaitReady();
        assertThat(cityRow(district).subList(0, 5)).containsExactly(district, "1", "0", "2", "1");
        assertThat(cityRow(other).subList(0, 5)).containsExactly(other, "0", "0", "0", "0");

        browser.findElement(By.linkText(district)).click();
        awaitReady();
        assertThat(browser.getCurrentUrl()).contains("district=" + district, "month=" + lastMonth);
        assertThat(figures("placed")).containsExactly("1");
    }

    @Test
    void theOpsViewShowsTheLinesWaitingForAProviderUrgentFirst() throws IOException {
        seedLifecycle(district);
        signIn(TestTokens.window(district));
        open("/dashboard/ops.html");
        awaitReady();
        screenshot("ops");
        assertThat(figures("waiting", "urgentWaiting", "onHold", "deliveriesHeld", "lastResort"))
                .containsExactly("2", "1", "0", "1", "1");
        LocalDate today = LocalDate.now(PlatformAutoConfiguration.SEOUL);
        List<List<String>> queue = readCsv(exportCsv("table-queue"));
        assertThat(queue.get(0)).startsWith("자치구", "구분", "서비스", "동");
        assertThat(queue.subList(1, queue.size()))
                .containsExactly(
                        List.of(
                                district,
                                "URGENT",
                                "MEAL_SUPPORT",
                                "mangwon1",
                                "1",
                                thisMonth.atDay(1).toString(),
                                String.valueOf(ChronoUnit.DAYS.between(thisMonth.atDay(1), today))),
                        List.of(
                                district,
                                "REGULAR",
                                "MEAL_SUPPORT",
                                "mangwon1",
                                "1",
                                lastMonth.atDay(10).toString(),
                                String.valueOf(ChronoUnit.DAYS.between(lastMonth.atDay(10), today))));
        assertThat(browser.findElement(By.id("table-queue")).getText()).contains("긴급", "식사지원");
        List<List<String>> districts = readCsv(exportCsv("table-ops"));
        assertThat(districts).hasSize(2);
        assertThat(districts.get(1).subList(0, 3)).containsExactly(district, "1", "2");
    }

    /**
     * The ops page open, an order arrives on the stream as intake would publish it: the page's figures change without
     * a reload, pushed by the service (the page says it is live, not polling).
     */
    @Test
    void theOpsViewFollowsNewEventsLiveWithoutAReload() {
        seedLifecycle(district);
        signIn(TestTokens.window(district));
        open("/dashboard/ops.html");
        awaitReady();
        browsing()
                .until(() ->
                        "stream".equals(browser.findElement(By.tagName("body")).getDomAttribute("data-live")));
        assertThat(figures("waiting", "urgentWaiting")).containsExactly("2", "1");
        script("window.sameDocument = true; return null;");

        awaitApplied(publish(placed(district, "seogyo", thisMonth.atDay(1), true, 2)));

        long published = System.nanoTime();
        browsing().until(() -> figures("waiting", "urgentWaiting").equals(List.of("4", "3")));
        log.info(
                "the ops page showed the new order {} ms after it was applied",
                (System.nanoTime() - published) / 1_000_000);
        assertThat((Boolean) script("return window.sameDocument === true"))
                .as("no reload")
                .isTrue();
        assertThat(browser.findElement(By.tagName("body")).getDomAttribute("data-live"))
                .isEqualTo("stream");
        assertThat(browser.findElement(By.id("table-queue")).getText()).contains("seogyo");
        screenshot("ops-live");
    }

    /** The plan's target set by the district's officer shows on the district view against the month's meals. */
    @Test
    void theDistrictViewShowsTheMonthAgainstItsTarget() throws IOException {
        String jongno = "jongno"; // a district of the city's: targets are checked against them
        as(TestTokens.billingOfficer(jongno))
                .put()
                .uri("/api/v1/targets/{d}/MEALS/{m}", jongno, lastMonth.toString())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("value", 20))
                .exchange()
                .expectStatus()
                .isOk();
        OrderPlaced order = placed(jongno, "sajik", thisMonth.atDay(1), false, 1);
        awaitApplied(
                publish(order),
                publish(units(
                        order.careOrderId(),
                        ServiceType.MEAL_SUPPORT,
                        jongno,
                        UUID.randomUUID(),
                        thisMonth.atDay(1),
                        7)));

        signIn(TestTokens.window(jongno));
        awaitReady();
        screenshot("district-targets");
        List<String> meals = rowOf(readCsv(exportCsv("table-targets")), "MEALS");
        assertThat(meals.subList(1, 4)).containsExactly("20", "7", "0.35");
        assertThat(meals.get(4)).isEqualTo(lastMonth.toString());
        assertThat(browser.findElement(By.id("table-targets")).getText()).contains("식사지원 (식, 월)", "35.0%");

        signIn(TestTokens.cityAdmin());
        awaitReady();
        assertThat(cityRow(jongno).get(13)).isEqualTo("0.35");
    }

    @Test
    void anOfficialSeesTheirOwnDistrictOnlyAndBadInputIsSaid() {
        signIn(TestTokens.window(district));
        awaitReady();

        open("/dashboard/district.html?district=" + unique("seodaemun"));
        assertThat(awaitError()).contains("불러오지 못했습니다");
        open("/dashboard/city.html");
        assertThat(awaitError()).contains("불러오지 못했습니다");
        assertThat(browser.findElement(By.id("nav-city")).isDisplayed()).isFalse();

        open("/dashboard/district.html?district=" + district + "&month=2026-13");
        assertThat(awaitError()).contains("YYYY-MM");
        // a month the page's pattern lets through but the API refuses: its problem is shown, naming the field of
        // whichever of the page's calls answered first (the month's figures: month; the trend: to)
        open("/dashboard/district.html?district=" + district + "&month=0000-01");
        assertThat(awaitError()).containsPattern("(month|to): must be YYYY-MM");
        screenshot("bad-month");

        browser.findElement(By.id("sign-out")).click();
        eventually().until(() -> browser.getCurrentUrl().contains("/dashboard/index.html"));
        open("/dashboard/district.html?district=" + district);
        eventually().until(() -> browser.getCurrentUrl().contains("/dashboard/index.html?reason=expired"));
    }

    /**
     * Last month: one order of two lines in mangwon1, one matched, ten meals, one charge. This month: an urgent
     * order of three lines in mangwon1 and another of one in hapjeong, a rejection, three lines matched (one by the
     * provider of last resort), meals and a visit for two residents, and two charges. Two lines wait: one of last
     * month's, one of the urgent order's.
     */
    private void seedLifecycle(String district) {
        LocalDate before = lastMonth.atDay(10);
        LocalDate first = thisMonth.atDay(1);
        UUID someone = UUID.randomUUID();
        UUID another = UUID.randomUUID();
        OrderPlaced earlier = placed(district, "mangwon1", before, false, 2);
        OrderPlaced urgent = placed(district, "mangwon1", first, true, 3);
        OrderPlaced plain = placed(district, "hapjeong", first, false, 1);
        DeliveryCharged mistaken = charged(earlier.careOrderId(), district, unique("provider"), before, 1_000, 0);
        List<EventEnvelope> events = new ArrayList<>(List.of(
                publish(earlier),
                publish(assigned(earlier, 0, before, false)),
                publish(units(earlier.careOrderId(), ServiceType.MEAL_SUPPORT, district, someone, before, 10)),
                publish(charged(earlier.careOrderId(), district, unique("provider"), before, 38_340, 0)),
                // billed in error and taken back (청구 취소): the month's amounts stand as they were
                publish(mistaken),
                publish(reversed(mistaken)),
                // a delivery the window still has to look at (검증 보류)
                publish(held(units(earlier.careOrderId(), ServiceType.MEAL_SUPPORT, district, someone, before, 1))),
                publish(urgent),
                publish(plain),
                publish(rejected(district, first)),
                publish(assigned(urgent, 0, first, false)),
                publish(assigned(urgent, 1, first, true)),
                publish(assigned(plain, 0, first, false)),
                publish(units(urgent.careOrderId(), ServiceType.MEAL_SUPPORT, district, another, first, 7)),
                publish(visit(
                        plain.careOrderId(),
                        ServiceType.TEMPORARY_HOME_CARE,
                        district,
                        UUID.randomUUID(),
                        first,
                        LocalTime.of(9, 0),
                        LocalTime.of(11, 30))),
                publish(charged(urgent.careOrderId(), district, unique("provider"), first, 48_170, 0)),
                publish(charged(plain.careOrderId(), district, unique("provider"), first, 0, 22_640))));
        awaitApplied(events.toArray(EventEnvelope[]::new));
    }

    /** Through the sign-in form, as an official would paste the token the issuer gave them. */
    private void signIn(TestTokens.Token caller) {
        open("/dashboard/index.html?lang=ko");
        awaitReady();
        WebElement token = browser.findElement(By.id("token"));
        token.clear();
        token.sendKeys(caller.mint());
        browser.findElement(By.id("sign-in-submit")).click();
        eventually().until(() -> !browser.getCurrentUrl().contains("/dashboard/index.html"));
    }

    private void open(String path) {
        long start = System.nanoTime();
        browser.get("http://localhost:" + port + path);
        log.info("opened {} in {} ms", path, (System.nanoTime() - start) / 1_000_000);
    }

    /** A page is ready when it has drawn every figure it asked for: its body says so. */
    private void awaitReady() {
        browsing().until(() -> "true".equals(readiness()) || "error".equals(readiness()));
        assertThat(readiness())
                .as("%s: %s", browser.getCurrentUrl(), errorShown())
                .isEqualTo("true");
        log.info(
                "{} drawn {} ms after navigation began",
                browser.getCurrentUrl(),
                browser.findElement(By.tagName("body")).getDomAttribute("data-ready-ms"));
    }

    private String awaitError() {
        browsing().until(() -> "error".equals(readiness()));
        return errorShown();
    }

    private String errorShown() {
        List<WebElement> error = browser.findElements(By.id("error"));
        return error.isEmpty() ? "" : error.get(0).getText();
    }

    private String readiness() {
        return browser.findElement(By.tagName("body")).getDomAttribute("data-ready");
    }

    /** The exact values behind the cards. */
    private List<String> figures(String... kpis) {
        return Stream.of(kpis)
                .map(kpi -> browser.findElement(By.id("kpi-" + kpi)).getDomAttribute("data-value"))
                .toList();
    }

    /** A card as the official reads it. */
    private String shown(String kpi) {
        return browser.findElement(By.id("kpi-" + kpi)).getText();
    }

    /** What one dataset of a chart holds, read from Chart.js itself. */
    private List<Long> chartData(String chart, int dataset) {
        List<Object> data =
                script("return window.dashboardCharts['" + chart + "'].data.datasets[" + dataset + "].data");
        return data.stream().map(value -> ((Number) value).longValue()).toList();
    }

    @SuppressWarnings("unchecked")
    private <T> T script(String code) {
        return (T) ((JavascriptExecutor) browser).executeScript(code);
    }

    private List<String> cityRow(String district) {
        WebElement row = browser.findElement(
                By.xpath("//table[@id='table-city']/tbody/tr[td[1][normalize-space()='" + district + "']]"));
        return row.findElements(By.tagName("td")).stream()
                .map(cell -> cell.getDomAttribute("data-value"))
                .toList();
    }

    private Path exportCsv(String table) throws IOException {
        return export(table, "csv");
    }

    /** Clicks the table's CSV or XLSX button and waits for the file the browser saves. */
    private Path export(String table, String kind) throws IOException {
        List<Path> before = downloads();
        String button = kind.equals("csv") ? "data-export" : "data-xlsx";
        browser.findElement(By.cssSelector("button[" + button + "='" + table + "']"))
                .click();
        eventually().until(() -> newDownload(before, kind) != null);
        Path file = Objects.requireNonNull(newDownload(before, kind));
        Files.copy(file, SCREENSHOTS.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    private static @Nullable Path newDownload(List<Path> before, String kind) {
        return downloads().stream()
                .filter(file ->
                        !before.contains(file) && file.getFileName().toString().endsWith("." + kind))
                .findFirst()
                .orElse(null);
    }

    /** Finished downloads only: Chromium writes into a hidden file or a .crdownload first, then renames it. */
    private static List<Path> downloads() {
        try (Stream<Path> files = Files.list(DOWNLOADS)) {
            return files.filter(file -> !file.getFileName().toString().startsWith(".")
                            && !file.toString().endsWith(".crdownload"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The exports quote nothing that these figures contain, so a split is the whole parser they need. */
    private static List<List<String>> readCsv(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).as("a byte order mark, for Excel").startsWith("\uFEFF");
        return text.substring(1)
                .lines()
                .map(line -> Arrays.asList(line.split(",", -1)))
                .toList();
    }

    private static List<Row> readXlsx(Path file) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile())) {
            return workbook.getFirstSheet().read();
        }
    }

    private static List<String> rowOf(List<List<String>> rows, String first) {
        return rows.stream()
                .filter(row -> row.get(0).equals(first))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + first + " in " + rows));
    }

    private void screenshot(String name) {
        try {
            Path shot =
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pages draw after their API calls; generous, as other builds share the machine. */
    private static ConditionFactory browsing() {
        return Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200));
    }
}
