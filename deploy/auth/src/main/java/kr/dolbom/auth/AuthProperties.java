package kr.dolbom.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo identities and where the signing key lives.
 *
 * @param keyFile the RSA signing key (private), created on first start and reused so that tokens outlive restarts
 * @param devSecret every demo user's password and every demo client's secret: this server is for one machine only
 * @param tokenTtl long enough for a benchmark run on one token, short enough that a leaked one soon dies
 * @param webRedirectUris where the public browser client {@code dolbom-web} may be sent back to
 * @param accounts one per demo caller: its name is both a login and a client id
 */
@ConfigurationProperties("dolbom.auth")
public record AuthProperties(
        Path keyFile, String devSecret, Duration tokenTtl, List<String> webRedirectUris, List<Account> accounts) {

    /** The roles of the services' {@code CareRole}; spelt out here because this server shares no code with them. */
    static final Set<String> ROLES = Set.of(
            "CARE_MANAGER",
            "WINDOW",
            "PROVIDER",
            "BILLING_OFFICER",
            "PRIVACY_OFFICER",
            "CITY_ADMIN",
            "AGENCY",
            "OPERATOR");

    public AuthProperties {
        accounts = List.copyOf(accounts);
        webRedirectUris = List.copyOf(webRedirectUris);
        accounts.forEach(Account::check);
    }

    /**
     * One demo caller and the claims its tokens carry.
     *
     * @param district absent for the city administrator and the operator, who are not of one district
     * @param provider the provider a provider's staff works for
     * @param dongs the dongs a care manager covers; empty means the whole district
     */
    public record Account(
            String name,
            String role,
            @Nullable String district,
            @Nullable String provider,
            List<String> dongs) {

        public Account {
            dongs = dongs == null ? List.of() : List.copyOf(dongs);
        }

        /** An agency is a system, never a person at a browser: it gets a client, not a login. */
        boolean signsIn() {
            return !role.equals("AGENCY");
        }

        private void check() {
            if (!ROLES.contains(role)) {
                throw new IllegalArgumentException(name + ": unknown role " + role + ", expected one of " + ROLES);
            }
            boolean districtless = role.equals("CITY_ADMIN") || role.equals("OPERATOR");
            if (districtless != (district == null)) {
                throw new IllegalArgumentException(
                        name + ": a " + role + (districtless ? " has no" : " needs a") + " district");
            }
            if (role.equals("PROVIDER") != (provider != null)) {
                throw new IllegalArgumentException(name + ": only provider staff, and all of them, name a provider");
            }
        }
    }
}
