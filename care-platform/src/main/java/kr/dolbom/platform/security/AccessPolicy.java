package kr.dolbom.platform.security;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A service's access policy: one rule per operation of its API, read as a table. The authorization matrix test
 * asks it for the rule of every operation in the service's OpenAPI document; an operation without one fails it.
 */
public final class AccessPolicy {

    private final Map<String, AccessRule> rules = new LinkedHashMap<>();

    private AccessPolicy(AccessRule... rules) {
        Arrays.stream(rules).forEach(rule -> {
            if (this.rules.put(rule.operation(), rule) != null) {
                throw new IllegalArgumentException("two rules for " + rule.operation());
            }
        });
    }

    public static AccessPolicy of(AccessRule... rules) {
        return new AccessPolicy(rules);
    }

    public Optional<AccessRule> rule(String operation) {
        return Optional.ofNullable(rules.get(operation));
    }

    public Map<String, AccessRule> rules() {
        return Map.copyOf(rules);
    }
}
