package kr.dolbom.matching.provider;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.dolbom.platform.domain.RuleViolation;
import kr.dolbom.platform.domain.RuleViolation.Violation;

/**
 * 권역 규칙: which zones a member may be written down as serving and leading. A member serves zones of its district's
 * zone map only; it leads only zones it serves; a zone has one lead (권역 책임기업), so a zone another member leads is
 * refused until that member gives it up.
 */
final class ZoneRules {

    private ZoneRules() {}

    /**
     * @param districtZones the zones of the district's zone map
     * @param ledByOthers the district's zones led by another member than the one written down, and by whom
     * @return why the zones cannot be written down, or nothing if they can
     */
    static Optional<RuleViolation> refusal(
            Set<String> districtZones, List<String> zones, List<String> leadOf, Map<String, String> ledByOthers) {
        for (int i = 0; i < zones.size(); i++) {
            if (zones.subList(0, i).contains(zones.get(i))) {
                return Optional.of(
                        RuleViolation.invalid("zones[" + i + "]", "zone " + zones.get(i) + " is named twice"));
            }
        }
        for (int i = 0; i < leadOf.size(); i++) {
            if (!zones.contains(leadOf.get(i))) {
                return Optional.of(RuleViolation.invalid(
                        "leadOf[" + i + "]", "a member leads only a zone it serves, and " + leadOf.get(i) + " is not"));
            }
        }
        for (int i = 0; i < zones.size(); i++) {
            if (!districtZones.contains(zones.get(i))) {
                return Optional.of(RuleViolation.refused(
                        "zones[" + i + "]",
                        "zone " + zones.get(i) + " is not in the district's zone map "
                                + districtZones.stream().sorted().toList()));
            }
        }
        for (int i = 0; i < leadOf.size(); i++) {
            String lead = ledByOthers.get(leadOf.get(i));
            if (lead != null) {
                return Optional.of(RuleViolation.conflict(
                        List.of(new Violation("leadOf[" + i + "]", "zone " + leadOf.get(i) + " is led by " + lead))));
            }
        }
        return Optional.empty();
    }
}
