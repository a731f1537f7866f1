package kr.dolbom.reporting.dashboard;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Tickets for the ops view's stream (EventSource cannot send an Authorization header): a caller who presented a
 * valid bearer token gets a random ticket that stands for that same authentication, once, for {@link #VALID_FOR}.
 * The stream's URL carries the ticket instead of the token, so what a proxy's log may keep is a used-up ticket of
 * seconds, never a token of minutes. Tickets live in this instance's memory: the page asks for one and opens the
 * stream at once, so the same instance serves both unless it restarts in between (the page then asks again).
 */
@Component
public class StreamTickets implements ReactiveAuthenticationManager {

    public static final Duration VALID_FOR = Duration.ofSeconds(30);

    private record Issued(Authentication caller, Instant expiresAt) {}

    /** A ticket as handed out: good once, until {@code expiresAt}. */
    public record Ticket(String value, Instant expiresAt) {}

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Issued> issued = new ConcurrentHashMap<>();
    private final Clock clock;

    StreamTickets(Clock clock) {
        this.clock = clock;
    }

    /** A new ticket for this authenticated caller; expired ones are forgotten on the way. */
    public Ticket issue(Authentication caller) {
        Instant now = clock.instant();
        issued.values().removeIf(ticket -> !ticket.expiresAt().isAfter(now));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expiresAt = now.plus(VALID_FOR);
        issued.put(ticket, new Issued(caller, expiresAt));
        return new Ticket(ticket, expiresAt);
    }

    /**
     * The authentication a ticket stands for, and the ticket is gone; 401 for an unknown, used or expired one, and
     * for one whose token has expired meanwhile.
     */
    @Override
    public Mono<Authentication> authenticate(Authentication presented) {
        return Mono.fromCallable(() -> {
            if (!(presented instanceof BearerTokenAuthenticationToken bearer)) {
                throw new BadCredentialsException("not a ticket");
            }
            Issued ticket = issued.remove(bearer.getToken());
            Instant now = clock.instant();
            if (ticket == null || !ticket.expiresAt().isAfter(now) || !tokenValidAt(ticket.caller(), now)) {
                throw new BadCredentialsException("no such ticket, or no longer valid");
            }
            return ticket.caller();
        });
    }

    /** Until when the token behind an authentication is valid; null when it does not say. */
    public static @Nullable Instant tokenExpiry(Authentication caller) {
        return caller.getCredentials() instanceof Jwt token ? token.getExpiresAt() : null;
    }

    private static boolean tokenValidAt(Authentication caller, Instant now) {
        Instant expiry = tokenExpiry(caller);
        return expiry == null || expiry.isAfter(now);
    }
}
