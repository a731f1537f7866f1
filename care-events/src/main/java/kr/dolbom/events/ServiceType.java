package kr.dolbom.events;

/** The service lines a care order can ask for, and how each one is measured. */
public enum ServiceType {
    /** 일시재가: a visit priced by its duration. */
    TEMPORARY_HOME_CARE(Measure.TIME),
    /** 이동지원 (동행지원): accompaniment to hospital, offices, bank or market, priced by time. */
    MOBILITY_SUPPORT(Measure.TIME),
    /** 식사지원 (밑반찬): meals or side-dish boxes delivered to the home. */
    MEAL_SUPPORT(Measure.UNITS),
    /** 주거편의 (안심주거, 주택 개보수): small repairs, cleaning, pest control; one unit is one job. */
    HOUSING_REPAIR(Measure.UNITS);

    /** Whether a delivery is reported with start and end times or as a count of units. */
    public enum Measure {
        TIME,
        UNITS
    }

    private final Measure measure;

    ServiceType(Measure measure) {
        this.measure = measure;
    }

    public Measure measure() {
        return measure;
    }

    public boolean isTimed() {
        return measure == Measure.TIME;
    }
}
