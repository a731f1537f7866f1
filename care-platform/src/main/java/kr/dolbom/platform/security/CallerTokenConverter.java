package kr.dolbom.platform.security;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

/**
 * A verified token to a {@link Caller}. A well-signed token that names no valid caller (no or unknown role, a
 * window without a district) is refused as a bad token, 401, like a forged one: it identifies no one.
 */
final class CallerTokenConverter implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    static final String ROLE = "role";
    static final String DISTRICT = "district";
    static final String PROVIDER = "provider";
    static final String DONGS = "dongs";

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt token) {
        return Mono.fromCallable(() -> new CallerAuthentication(callerOf(token), token));
    }

    static Caller callerOf(Jwt token) {
        try {
            String role = token.getClaimAsString(ROLE);
            if (role == null) {
                throw new IllegalArgumentException("no role");
            }
            List<String> dongs = token.hasClaim(DONGS) ? token.getClaimAsStringList(DONGS) : null;
            return new Caller(
                    nonNull(token.getSubject()),
                    CareRole.valueOf(role),
                    token.getClaimAsString(DISTRICT),
                    token.getClaimAsString(PROVIDER),
                    dongs == null ? List.of() : dongs);
        } catch (IllegalArgumentException | NullPointerException e) {
            // the reason stays in the server: a caller probing claims learns nothing from the answer
            throw new BadJwtException("the token names no valid caller: " + e.getMessage(), e);
        }
    }

    private static String nonNull(@Nullable String subject) {
        if (subject == null) {
            throw new IllegalArgumentException("no subject");
        }
        return subject;
    }
}
