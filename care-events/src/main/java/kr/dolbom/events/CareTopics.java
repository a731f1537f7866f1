package kr.dolbom.events;

import java.util.List;

/** The streams of the care-order life, named by stream and contract version. */
public final class CareTopics {

    public static final String ORDERS = "care.orders.v1";
    public static final String ASSIGNMENTS = "care.assignments.v1";
    public static final String DELIVERIES = "care.deliveries.v1";
    public static final String CHARGES = "care.charges.v1";

    public static final List<String> ALL = List.of(ORDERS, ASSIGNMENTS, DELIVERIES, CHARGES);

    private CareTopics() {}

    /**
     * The CloudEvents source of the only service that publishes on a stream ({@code /dolbom/intake-service} for
     * orders): a record on a care stream from anyone else is not believed.
     */
    public static String owner(String topic) {
        String service = switch (topic) {
            case ORDERS -> "intake-service";
            case ASSIGNMENTS, DELIVERIES -> "matching-service";
            case CHARGES -> "billing-service";
            default -> throw new IllegalArgumentException(topic + " is not a care stream");
        };
        return "/dolbom/" + service;
    }

    /** The dead-letter topic of one consumer group on one stream. */
    public static String deadLetter(String topic, String group) {
        return topic + "." + group + ".dlq";
    }
}
