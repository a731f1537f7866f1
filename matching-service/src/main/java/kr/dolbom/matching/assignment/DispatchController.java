package kr.dolbom.matching.assignment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import kr.dolbom.events.DeclineReason;
import kr.dolbom.platform.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The window's own hand on dispatch: a line given or moved to a provider of its choice, a member suspended and
 * resumed; and the provider's hand-back of a line it can no longer serve.
 */
@RestController
class DispatchController {

    private final Offering offering;
    private final Reassigning reassigning;

    DispatchController(Offering offering, Reassigning reassigning) {
        this.offering = offering;
        this.reassigning = reassigning;
    }

    /**
     * 수동 배정: 200 with the assignment. 422 naming {@code providerId} for a provider that does not offer the service,
     * serve the dong, or has no room, or is suspended; 409 for a line that has its provider already.
     */
    @PostMapping("/api/v1/assignments/{lineId}/dispatch")
    Mono<AssignmentView> dispatchLine(
            Caller caller, @PathVariable("lineId") UUID lineId, @Valid @RequestBody Dispatch dispatch) {
        return offering.dispatch(caller, lineId, dispatch.providerId(), dispatch.reason())
                .map(AssignmentView::of);
    }

    /**
     * 재배정: 200 with the line in its new provider's hands. 422 naming {@code providerId} as for a dispatch, or for
     * the provider that has the line already; 409 naming {@code lineStatus} for a line that still waits (dispatch it) or
     * is over.
     */
    @PostMapping("/api/v1/assignments/{lineId}/reassignment")
    Mono<AssignmentView> reassignLine(
            Caller caller, @PathVariable("lineId") UUID lineId, @Valid @RequestBody Dispatch reassignment) {
        return reassigning
                .reassign(caller, lineId, reassignment.providerId(), reassignment.reason())
                .map(AssignmentView::of);
    }

    /**
     * 반납: 200 naming who took the line over (the zone's lead, else the public centre). 400 naming {@code reason}
     * or {@code note} as for a decline; 409 for a line that is over, the public centre's own, or that no one can
     * take over (the window must reassign it).
     */
    @PostMapping("/api/v1/assignments/{lineId}/hand-back")
    Mono<HandedBack> handBackLine(
            Caller caller, @PathVariable("lineId") UUID lineId, @Valid @RequestBody OfferController.Decline handBack) {
        return reassigning
                .handBack(caller, lineId, handBack.reason(), handBack.note())
                .map(line -> new HandedBack(lineId, handBack.reason(), line.providerId(), line.lastResort()));
    }

    /**
     * 정지: 200 with how many open offers were withdrawn (and offered on) and how many running lines were taken over;
     * 409 if suspended already.
     */
    @PostMapping("/api/v1/providers/{providerId}/suspension")
    Mono<Suspended> suspendProvider(
            Caller caller, @PathVariable("providerId") String providerId, @Valid @RequestBody Suspension suspension) {
        return offering.suspend(caller, providerId, suspension.reason())
                .map(moved -> new Suspended(
                        providerId, suspension.reason(), moved.offersWithdrawn(), moved.linesTakenOver()));
    }

    /** 재개: 204, kept in the member's history with the reason given (or "재개"); 409 if it is not suspended. */
    @DeleteMapping("/api/v1/providers/{providerId}/suspension")
    Mono<ResponseEntity<Void>> resumeProvider(
            Caller caller,
            @PathVariable("providerId") String providerId,
            @RequestParam(name = "reason", defaultValue = "재개") @NotBlank @Size(max = 500) String reason) {
        return offering.resume(caller, providerId, reason)
                .then(Mono.just(ResponseEntity.noContent().build()));
    }

    record Dispatch(
            @NotBlank @Size(max = 100) String providerId,
            @NotBlank @Size(max = 500) String reason) {}

    record Suspension(@NotBlank @Size(max = 500) String reason) {}

    record Suspended(String providerId, String reason, int offersWithdrawn, int linesTakenOver) {}

    record HandedBack(UUID lineId, DeclineReason reason, String takenOverBy, boolean lastResort) {}
}
