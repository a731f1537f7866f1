package kr.dolbom.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic but plausible care requests for the demo district: mostly seniors, some people with
 * disabilities and middle-aged people in need, one in ten not eligible; one in ten urgent; one or two service
 * lines each (meals, in-home visits, mobility, repairs). Seeded, so that every run asks for the same things;
 * each for residents of its own (the phone tells the run), as a resident has one open order per service and a
 * run on an {@code --external} stack finds the orders of the runs before it still open.
 */
final class Workload {

    static final String[] DONGS = {
        "ahyeon",
        "gongdeok",
        "dohwa",
        "yonggang",
        "daeheung",
        "yeomni",
        "sinsu",
        "seogang",
        "seogyo",
        "hapjeong",
        "mangwon1",
        "mangwon2",
        "yeonnam",
        "seongsan1",
        "seongsan2",
        "sangam"
    };
    private static final String[] TIERS = {"BASIC_LIVELIHOOD", "BASIC_LIVELIHOOD", "NEAR_POOR", "GENERAL", "GENERAL"};
    private static final int[] VISIT_MINUTES = {60, 90, 120, 150, 180, 240};
    private static final int[] TRIP_MINUTES = {30, 60, 90, 120};

    /** A line as requested: what the simulated provider later reports having delivered. */
    record Line(String type, int quantity, Integer minutes) {

        boolean timed() {
            return minutes != null;
        }
    }

    /** @param urgent matched as it arrives; the others wait for the care plan the lead care manager approves */
    record Request(int number, String json, boolean eligible, boolean urgent, List<Line> lines) {}

    private final Random random = new Random(20261124L);
    private final int run = (int) (System.currentTimeMillis() / 1000 % 10_000);
    private final LocalDate deliveryDay;
    private final LocalDate today;
    private int count;

    Workload(LocalDate today, LocalDate deliveryDay) {
        this.today = today;
        this.deliveryDay = deliveryDay;
    }

    synchronized Request next() {
        int number = ++count;
        boolean eligible = random.nextInt(10) != 0;
        int age;
        boolean disabled = false;
        boolean attestedNeed = false;
        if (eligible) {
            int group = random.nextInt(10);
            if (group < 7) {
                age = 65 + random.nextInt(30);
            } else if (group < 9) {
                age = 20 + random.nextInt(70);
                disabled = true;
            } else {
                age = 50 + random.nextInt(15);
                attestedNeed = true;
            }
        } else {
            age = 30 + random.nextInt(35); // under 65, neither disabled nor attested
        }
        List<Line> lines = new ArrayList<>();
        String first = serviceType();
        lines.add(line(first));
        if (random.nextInt(10) < 4) {
            String second = serviceType();
            if (!second.equals(first)) {
                lines.add(line(second));
            }
        }
        boolean urgent = random.nextInt(10) == 0;
        return new Request(number, json(number, age, disabled, attestedNeed, urgent, lines), eligible, urgent, lines);
    }

    private String serviceType() {
        int pick = random.nextInt(10);
        return pick < 4
                ? "MEAL_SUPPORT"
                : pick < 7 ? "TEMPORARY_HOME_CARE" : pick < 9 ? "MOBILITY_SUPPORT" : "HOUSING_REPAIR";
    }

    private Line line(String type) {
        return switch (type) {
            case "MEAL_SUPPORT" -> new Line(type, 5 + random.nextInt(16), null);
            case "TEMPORARY_HOME_CARE" -> new Line(type, 1, VISIT_MINUTES[random.nextInt(VISIT_MINUTES.length)]);
            case "MOBILITY_SUPPORT" -> new Line(type, 1, TRIP_MINUTES[random.nextInt(TRIP_MINUTES.length)]);
            default -> new Line(type, 1, null);
        };
    }

    private String json(int number, int age, boolean disabled, boolean attestedNeed, boolean urgent, List<Line> lines) {
        StringBuilder json = new StringBuilder(640);
        json.append("{\"resident\":{\"name\":\"벤치")
                .append(number)
                .append("\",\"birthDate\":\"")
                .append(today.minusYears(age).minusDays(1 + random.nextInt(300)))
                .append("\",\"phone\":\"010-")
                .append(String.format("%04d-%04d", (run + number / 10_000) % 10_000, number % 10_000))
                .append("\",\"address\":\"서울특별시 마포구 벤치로 ")
                .append(number)
                .append("\",\"dong\":\"")
                .append(DONGS[random.nextInt(DONGS.length)])
                .append("\",\"disabled\":")
                .append(disabled)
                .append(",\"attestedNeed\":")
                .append(attestedNeed)
                .append(",\"incomeTier\":\"")
                .append(TIERS[random.nextInt(TIERS.length)])
                .append("\"},\"district\":\"mapo\",\"channel\":\"DONG_CENTRE\",\"urgent\":")
                .append(urgent)
                .append(",\"services\":[");
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            json.append(i == 0 ? "" : ",")
                    .append("{\"type\":\"")
                    .append(line.type())
                    .append("\",\"quantity\":")
                    .append(line.quantity());
            if (line.timed()) {
                json.append(",\"minutesPerVisit\":").append(line.minutes());
            }
            json.append(",\"from\":\"")
                    .append(deliveryDay.minusDays(1))
                    .append("\",\"to\":\"")
                    .append(deliveryDay.plusDays(29))
                    .append("\"}");
        }
        return json.append("]}").toString();
    }

    /**
     * The care plan of a placed order: each line on as many days in a row as it has visits or units, one each,
     * from the line's first day; so that the plan holds all the simulated provider will report.
     */
    String plan(List<String> lineIds, List<Line> lines) {
        StringBuilder json = new StringBuilder(256).append("{\"lines\":[");
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            json.append(i == 0 ? "" : ",")
                    .append("{\"lineId\":\"")
                    .append(lineIds.get(i))
                    .append("\",\"quantityPerOccurrence\":1,\"rule\":\"FREQ=DAILY;COUNT=")
                    .append(line.quantity())
                    .append('"');
            if (line.timed()) {
                json.append(",\"minutesPerVisit\":").append(line.minutes());
            }
            json.append(",\"startsOn\":\"")
                    .append(deliveryDay.minusDays(1))
                    .append("\",\"endsOn\":\"")
                    .append(deliveryDay.plusDays(29))
                    .append("\"}");
        }
        return json.append("]}").toString();
    }
}
