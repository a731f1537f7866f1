package kr.dolbom.intake.resident;

import jakarta.validation.Valid;
import java.util.UUID;
import kr.dolbom.platform.security.Caller;
import kr.dolbom.platform.web.IfMatch;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The one way a resident's details change: confirmed by a care manager, never as a side effect of a request. */
@RestController
@RequestMapping("/api/v1/residents")
class ResidentController {

    private final ResidentChange change;
    private final ResidentReads reads;

    ResidentController(ResidentChange change, ResidentReads reads) {
        this.change = change;
        this.reads = reads;
    }

    /** The whole record, to a care manager of the resident's dong; the read is audited. */
    @GetMapping("/{residentRef}")
    Mono<ResidentRecordView> readResident(Caller caller, @PathVariable("residentRef") UUID residentRef) {
        return reads.record(caller, residentRef).map(ResidentRecordView::of);
    }

    /**
     * Name, phone and address: to the district's care managers and window, and to a provider while it holds an
     * open line of the resident and the resident has agreed to share them (403 otherwise). The read is audited.
     */
    @GetMapping("/{residentRef}/contact")
    Mono<ResidentContactView> readResidentContact(Caller caller, @PathVariable("residentRef") UUID residentRef) {
        return reads.contact(caller, residentRef).map(ResidentContactView::of);
    }

    /**
     * 200 with the record and its version (also as {@code ETag}). With {@code If-Match: "<version>"} a change
     * based on an older version is refused (409) instead of overwriting what someone else confirmed meanwhile.
     */
    @PutMapping("/{residentRef}")
    Mono<ResponseEntity<ResidentView>> changeResident(
            Caller caller,
            @PathVariable("residentRef") UUID residentRef,
            @Valid @RequestBody ResidentChangeForm form,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        Integer expected = IfMatch.version(ifMatch);
        return change.change(caller, residentRef, form.details(), form.reason(), expected)
                .map(changed -> ResponseEntity.ok()
                        .eTag("\"" + changed.resident().version() + "\"")
                        .body(ResidentView.of(changed)));
    }
}
