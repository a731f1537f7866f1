package kr.dolbom.platform.security;

import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Whose a record is, as far as access goes: the district it belongs to, the dong within it, the providers that
 * hold it (an assigned line, a delivery, a charge) and who submitted it.
 */
public record Holder(
        String district,
        @Nullable String dong,
        Set<String> providers,
        @Nullable String submitter) {

    public Holder {
        Objects.requireNonNull(district, "district");
        providers = Set.copyOf(providers);
    }

    public static Holder district(String district) {
        return new Holder(district, null, Set.of(), null);
    }

    public Holder dong(@Nullable String dong) {
        return new Holder(district, dong, providers, submitter);
    }

    public Holder heldBy(Set<String> holders) {
        return new Holder(district, dong, holders, submitter);
    }

    public Holder heldBy(@Nullable String provider) {
        return heldBy(provider == null ? Set.of() : Set.of(provider));
    }

    public Holder submittedBy(@Nullable String subject) {
        return new Holder(district, dong, providers, subject);
    }
}
