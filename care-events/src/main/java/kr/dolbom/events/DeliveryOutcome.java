package kr.dolbom.events;

/** What the care worker found at the visit (방문 결과): the service given, or why not. */
public enum DeliveryOutcome {
    /** 제공: the service was given. */
    DELIVERED,
    /** 부재: the resident was not there; paid or not by matching's dated absence rule. */
    RESIDENT_ABSENT,
    /** 거부: the resident turned the worker away at the door; never paid. */
    REFUSED_AT_DOOR
}
