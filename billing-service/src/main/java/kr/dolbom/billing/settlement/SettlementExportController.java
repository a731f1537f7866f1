package kr.dolbom.billing.settlement;

import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import kr.dolbom.platform.security.Caller;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The settlement's files, as CSV or XLSX by the extension of the address (a link an officer can open, the same
 * file whatever {@code Accept} says): a provider's statement of a month, and a district's payment list. Streamed as
 * written; never cached on the way, as they are the district's books.
 */
@RestController
class SettlementExportController {

    private final SettlementExports exports;

    SettlementExportController(SettlementExports exports) {
        this.exports = exports;
    }

    /** 정산 내역서: every line of the provider's month (charges and adjustments), then totals equal to the month's. */
    @GetMapping("/api/v1/settlements/{provider}/{month}/statement.{format}")
    Mono<ResponseEntity<Flux<DataBuffer>>> exportStatement(
            Caller caller,
            @PathVariable("provider") @Size(max = 100) String provider,
            @PathVariable("month") YearMonth month,
            @PathVariable("format") String format) {
        return exports.statement(caller, provider, month, ExportFormat.of(format))
                .map(SettlementExportController::file);
    }

    /** 지급 목록: the district's approved and paid months of its providers, with payment reference and day. */
    @GetMapping("/api/v1/payment-lists/{district}/{month}.{format}")
    Mono<ResponseEntity<Flux<DataBuffer>>> exportPaymentList(
            Caller caller,
            @PathVariable("district") @Size(max = 100) String district,
            @PathVariable("month") YearMonth month,
            @PathVariable("format") String format) {
        return Mono.just(file(exports.paymentList(caller, district, month, ExportFormat.of(format))));
    }

    private static ResponseEntity<Flux<DataBuffer>> file(SettlementExports.Download download) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(download.format().mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(download.filename(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .cacheControl(CacheControl.noStore())
                .body(download.content());
    }
}
