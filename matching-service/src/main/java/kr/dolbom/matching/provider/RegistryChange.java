package kr.dolbom.matching.provider;

import java.time.Instant;
import java.util.Map;

/**
 * One dated change of a member's registry entry (명부 이력), as the window reads it back.
 *
 * @param detail what was written: the zones and leads, the service's capacity and share, the contract's day
 */
public record RegistryChange(Instant at, What what, String by, String reason, Map<String, Object> detail) {

    public enum What {
        REGISTERED,
        ZONES_CHANGED,
        SERVICE_CHANGED,
        CONTRACT_CHANGED,
        SUSPENDED,
        RESUMED
    }
}
