package kr.dolbom.platform.security;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The caller of a request as its token names it; a handler gets it as a method argument. A caller that could not
 * be placed (a window without a district, provider staff without a provider) cannot be built, so no policy has
 * to ask.
 *
 * @param subject who: the token's {@code sub}, the user or the client
 * @param district the district it acts for; absent only for roles that act for none
 * @param provider the provider its staff works for; present exactly for {@link CareRole#PROVIDER}
 * @param dongs the dongs a care manager covers; empty means the whole district
 */
public record Caller(
        String subject,
        CareRole role,
        @Nullable String district,
        @Nullable String provider,
        List<String> dongs) {

    public Caller {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(role, "role");
        dongs = List.copyOf(dongs);
        if (subject.isBlank()) {
            throw new IllegalArgumentException("a caller has a subject");
        }
        if (role.actsForOneDistrict() && (district == null || district.isBlank())) {
            throw new IllegalArgumentException("a " + role + " acts for a district");
        }
        if ((role == CareRole.PROVIDER) != (provider != null && !provider.isBlank())) {
            throw new IllegalArgumentException("provider staff, and only they, work for a provider");
        }
    }

    public boolean is(CareRole candidate) {
        return role == candidate;
    }

    public boolean actsFor(String candidateDistrict) {
        return candidateDistrict.equals(district);
    }

    public boolean worksFor(String candidateProvider) {
        return candidateProvider.equals(provider);
    }

    /** Within the district: a care manager with dongs covers those only. */
    public boolean covers(String dong) {
        return dongs.isEmpty() || dongs.contains(dong);
    }
}
