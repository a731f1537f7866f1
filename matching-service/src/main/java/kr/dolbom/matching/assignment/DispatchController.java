package kr.dolbom.matching.assignment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import kr.dolbom.platform.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The window's own hand on dispatch: a line given to a provider of its choice, a member suspended and resumed. */
@RestController
class DispatchController {

    private final Offering offering;

    DispatchController(Offering offering) {
        this.offering = offering;
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

    /** 정지: 200 with how many open offers were withdrawn (and offered on); 409 if suspended already. */
    @PostMapping("/api/v1/providers/{providerId}/suspension")
    Mono<Suspended> suspendProvider(
            Caller caller, @PathVariable("providerId") String providerId, @Valid @RequestBody Suspension suspension) {
        return offering.suspend(caller, providerId, suspension.reason())
                .map(withdrawn -> new Suspended(providerId, suspension.reason(), withdrawn));
    }

    /** 재개: 204; 409 if the provider is not suspended. */
    @DeleteMapping("/api/v1/providers/{providerId}/suspension")
    Mono<ResponseEntity<Void>> resumeProvider(Caller caller, @PathVariable("providerId") String providerId) {
        return offering.resume(caller, providerId)
                .then(Mono.just(ResponseEntity.noContent().build()));
    }

    record Dispatch(
            @NotBlank @Size(max = 100) String providerId,
            @NotBlank @Size(max = 500) String reason) {}

    record Suspension(@NotBlank @Size(max = 500) String reason) {}

    record Suspended(String providerId, String reason, int offersWithdrawn) {}
}
