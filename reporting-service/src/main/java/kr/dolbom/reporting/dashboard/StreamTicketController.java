package kr.dolbom.reporting.dashboard;

import java.time.Instant;
import kr.dolbom.platform.security.Caller;
import kr.dolbom.reporting.access.ReportingAccess;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A ticket to open the ops view's stream with, for a caller who has just shown a bearer token. */
@RestController
@RequestMapping("/api/v1/operations/stream-tickets")
class StreamTicketController {

    private final StreamTickets tickets;

    StreamTicketController(StreamTickets tickets) {
        this.tickets = tickets;
    }

    /** @param ticket the stream's {@code access_token} parameter, good once until {@code expiresAt} */
    record StreamTicketView(String ticket, Instant expiresAt, String stream) {}

    @PostMapping
    Mono<ResponseEntity<StreamTicketView>> issueStreamTicket(Caller caller) {
        ReportingAccess.ISSUE_STREAM_TICKET.admit(caller);
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(SecurityContext::getAuthentication)
                .map(this::issue);
    }

    private ResponseEntity<StreamTicketView> issue(Authentication authentication) {
        StreamTickets.Ticket ticket = tickets.issue(authentication);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new StreamTicketView(
                        ticket.value(),
                        ticket.expiresAt(),
                        DashboardSecurity.OPS_STREAM + "?access_token=" + ticket.value()));
    }
}
