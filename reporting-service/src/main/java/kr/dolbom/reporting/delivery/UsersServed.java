package kr.dolbom.reporting.delivery;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import kr.dolbom.events.ServiceType;

/**
 * Distinct residents served (이용자 수) in a district's month, per service and in all. The total is not the sum
 * of the services: a resident who had meals and a visit is one user.
 */
public record UsersServed(Map<ServiceType, Long> byService, long total) {

    public UsersServed {
        EnumMap<ServiceType, Long> complete = new EnumMap<>(ServiceType.class);
        for (ServiceType type : ServiceType.values()) {
            complete.put(type, byService.getOrDefault(type, 0L));
        }
        byService = Collections.unmodifiableMap(complete);
    }
}
