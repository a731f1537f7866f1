package kr.dolbom.matching.assignment;

import jakarta.validation.constraints.NotBlank;
import java.util.UUID;
import kr.dolbom.platform.domain.RuleViolation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Providers look up the lines they were given; the window looks up who has a line. */
@RestController
@RequestMapping("/api/v1/assignments")
class AssignmentController {

    private final AssignmentStore assignments;

    AssignmentController(AssignmentStore assignments) {
        this.assignments = assignments;
    }

    @GetMapping("/{lineId}")
    Mono<AssignmentView> assignment(@PathVariable("lineId") UUID lineId) {
        return assignments
                .find(lineId)
                .map(AssignmentView::of)
                .switchIfEmpty(Mono.error(() -> RuleViolation.notFound("service line", lineId)));
    }

    @GetMapping
    Flux<AssignmentView> ofProvider(@RequestParam("provider") @NotBlank String provider) {
        return assignments.ofProvider(provider).map(AssignmentView::of);
    }
}
