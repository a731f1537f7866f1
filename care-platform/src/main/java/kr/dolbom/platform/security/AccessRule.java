package kr.dolbom.platform.security;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import kr.dolbom.platform.domain.RuleViolation;

/**
 * Who may call one operation, and whose records each role reaches through it: one row of a service's access
 * policy. A role not named is refused (403) whatever it names; a named role asking for a record beyond its
 * reach gets 404, the answer for a record that does not exist, so that a forged id from another district or
 * provider tells the caller nothing.
 *
 * <pre>{@code
 * static final AccessRule READ_ORDER = AccessRule.operation("readCareOrder")
 *         .allow(CareRole.CARE_MANAGER, Reach.OWN_DISTRICT)
 *         .allow(CareRole.AGENCY, Reach.OWN_SUBMISSIONS)
 *         .build();
 * }</pre>
 */
public final class AccessRule {

    private final String operation;
    private final Map<CareRole, Reach> reach;

    private AccessRule(String operation, Map<CareRole, Reach> reach) {
        this.operation = operation;
        this.reach = Collections.unmodifiableMap(new EnumMap<>(reach));
    }

    /** Named as the operation's {@code operationId} in the service's OpenAPI document. */
    public static Builder operation(String operation) {
        return new Builder(operation);
    }

    public String operation() {
        return operation;
    }

    public Set<CareRole> roles() {
        return reach.keySet();
    }

    public Reach reachOf(CareRole role) {
        Reach granted = reach.get(role);
        if (granted == null) {
            throw new IllegalArgumentException(role + " may not " + operation);
        }
        return granted;
    }

    public boolean admits(Caller caller) {
        return reach.containsKey(caller.role());
    }

    /** 403 unless the caller's role may call the operation at all. */
    public void admit(Caller caller) {
        if (!admits(caller)) {
            throw RuleViolation.forbidden("a " + caller.role() + " may not " + operation);
        }
    }

    public boolean reaches(Caller caller, Holder holder) {
        Reach granted = reach.get(caller.role());
        return granted != null && granted.reaches(caller, holder);
    }

    /** 403 for a role that may not; 404 naming {@code what} and {@code id} for a record beyond its reach. */
    public void reveal(Caller caller, Holder holder, String what, Object id) {
        admit(caller);
        if (!reaches(caller, holder)) {
            throw RuleViolation.notFound(what, id);
        }
    }

    /**
     * For a record the caller is about to create in {@code holder}'s name: a district or provider not its own is
     * refused (403) naming the request's {@code field}, as there is nothing to hide about one's own request.
     */
    public void create(Caller caller, Holder holder, String field) {
        admit(caller);
        if (!reaches(caller, holder)) {
            throw RuleViolation.forbidden(field, "not yours to act for");
        }
    }

    @Override
    public String toString() {
        return operation + " " + reach;
    }

    public static final class Builder {

        private final String operation;
        private final Map<CareRole, Reach> reach = new EnumMap<>(CareRole.class);

        private Builder(String operation) {
            this.operation = Objects.requireNonNull(operation);
        }

        public Builder allow(CareRole role, Reach granted) {
            if (reach.put(role, granted) != null) {
                throw new IllegalArgumentException(role + " named twice for " + operation);
            }
            if (granted == Reach.EVERY_DISTRICT && role.actsForOneDistrict()) {
                throw new IllegalArgumentException("a " + role + " acts for one district, not every one");
            }
            return this;
        }

        public AccessRule build() {
            return new AccessRule(operation, reach);
        }
    }
}
