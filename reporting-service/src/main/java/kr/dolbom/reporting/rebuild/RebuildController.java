package kr.dolbom.reporting.rebuild;

import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import kr.dolbom.platform.domain.RuleViolation;
import kr.dolbom.platform.security.Caller;
import kr.dolbom.reporting.access.ReportingAccess;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The operators' rebuild of the read models: started, then followed until it is done. */
@RestController
@RequestMapping("/api/v1/operations/rebuilds")
class RebuildController {

    private final ReadModelRebuild rebuilds;
    private final Clock clock;

    RebuildController(ReadModelRebuild rebuilds, Clock clock) {
        this.rebuilds = rebuilds;
        this.clock = clock;
    }

    /** 202: it runs on; its address follows it. 409 naming the one that runs already. */
    @PostMapping
    ResponseEntity<RebuildAnswer> startRebuild(Caller caller) {
        ReportingAccess.START_REBUILD.admit(caller);
        Rebuild rebuild = rebuilds.start();
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/operations/rebuilds/" + rebuild.id()))
                .body(RebuildAnswer.of(rebuild, clock.instant()));
    }

    /** From any instance: the one running it answers as it goes, the others as it last recorded. */
    @GetMapping("/{id}")
    Mono<RebuildAnswer> readRebuild(Caller caller, @PathVariable("id") UUID id) {
        ReportingAccess.READ_REBUILD.admit(caller);
        return rebuilds.answer(id).switchIfEmpty(Mono.error(() -> RuleViolation.notFound("rebuild", id)));
    }
}
