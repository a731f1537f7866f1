package kr.dolbom.platform.security;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

/**
 * A token's claims as they stand, unchecked: the decoder of security switched off, for the benchmark's comparison
 * only. It believes whatever a token says; never run a service like this where anyone else can reach it.
 */
final class UncheckedTokens {

    private UncheckedTokens() {}

    static Mono<Jwt> read(String token) {
        return Mono.fromCallable(() -> {
            try {
                JWT jwt = JWTParser.parse(token);
                Map<String, Object> claims = new LinkedHashMap<>();
                jwt.getJWTClaimsSet().getClaims().forEach((name, value) -> claims.put(name, instants(value)));
                return Jwt.withTokenValue(token)
                        .headers(headers -> headers.putAll(jwt.getHeader().toJSONObject()))
                        .claims(all -> all.putAll(claims))
                        .build();
            } catch (ParseException | IllegalArgumentException e) {
                throw new BadJwtException("not a token: " + e.getMessage(), e);
            }
        });
    }

    /** Spring's Jwt wants instants where Nimbus gives dates. */
    private static Object instants(Object value) {
        return value instanceof Date date ? Instant.ofEpochMilli(date.getTime()) : value;
    }
}
