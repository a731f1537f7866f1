package kr.dolbom.reporting.delivery;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import kr.dolbom.events.ServiceType;

/** A district's month of deliveries, every service type present: zeros say "nothing delivered". */
public record MonthlyDeliveries(Map<ServiceType, DeliveryTotals> byService) {

    public MonthlyDeliveries {
        EnumMap<ServiceType, DeliveryTotals> complete = new EnumMap<>(ServiceType.class);
        for (ServiceType type : ServiceType.values()) {
            complete.put(type, byService.getOrDefault(type, DeliveryTotals.NONE));
        }
        byService = Collections.unmodifiableMap(complete);
    }

    /** Monthly meal volume (식사지원 제공량): the figure the Mapo plan targets at 1,000 meals a month. */
    public long meals() {
        return byService
                .getOrDefault(ServiceType.MEAL_SUPPORT, DeliveryTotals.NONE)
                .units();
    }

    /** Deliveries held for the window (검증 보류) in all services: the KPI "deliveries held". */
    public long held() {
        return byService.values().stream().mapToLong(DeliveryTotals::held).sum();
    }
}
