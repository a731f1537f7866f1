package kr.dolbom.billing.settlement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import kr.dolbom.billing.access.BillingAccess;
import kr.dolbom.platform.domain.RuleViolation;
import kr.dolbom.platform.security.Caller;
import kr.dolbom.platform.security.Holder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The statement and the payment list as files, streamed: rows come from the database in batches and are written
 * as they come, on a worker thread (the writers block on their stream, which waits for the client's demand), so
 * that neither the event loop nor the heap carries the month. Who may ask is settled, and a month or provider that
 * does not exist is refused, before the first byte: a refusal is still a problem, never half a file.
 */
@Service
class SettlementExports {

    private static final Logger log = LoggerFactory.getLogger(SettlementExports.class);

    /** Rows read ahead of the writer. */
    private static final int READ_AHEAD = 1_000;

    private static final int CHUNK = 64 * 1024;

    private static final Executor WRITERS = task -> Schedulers.boundedElastic().schedule(task);

    private final SettlementStore settlements;
    private final HoldStore holds;

    SettlementExports(SettlementStore settlements, HoldStore holds) {
        this.settlements = settlements;
        this.holds = holds;
    }

    /** A file to hand out: its name and its content, produced as it is sent. */
    record Download(String filename, ExportFormat format, Flux<DataBuffer> content) {}

    /**
     * The provider's statement of the month, every line, and the month's held deliveries apart (a handful, read
     * before the first byte). A provider known in the district with no line in the month gets an empty statement, as
     * {@code readSettlement} answers an empty draft; one never charged there nor held a delivery of is not found.
     */
    Mono<Download> statement(Caller caller, String providerId, YearMonth month, ExportFormat format) {
        BillingAccess.EXPORT_STATEMENT.admit(caller);
        String district = SettlementLifecycle.districtOf(caller);
        BillingAccess.EXPORT_STATEMENT.reveal(
                caller, Holder.district(district).heldBy(providerId), "provider", providerId);
        Mono<List<HeldDelivery>> held =
                holds.openIn(district, providerId, month).collectList();
        return settlements
                .find(district, providerId, month)
                .flatMap(settlement ->
                        held.map(items -> statement(district, providerId, month, settlement, items, format)))
                .switchIfEmpty(Mono.defer(() -> (caller.worksFor(providerId)
                                ? Mono.just(true)
                                : settlements
                                        .knows(district, providerId)
                                        .flatMap(charged ->
                                                charged ? Mono.just(true) : holds.knows(district, providerId)))
                        .flatMap(known -> {
                            if (!known) {
                                return Mono.error(RuleViolation.notFound("provider", providerId));
                            }
                            return held.map(items -> statement(district, providerId, month, null, items, format));
                        })));
    }

    /** The district's payment list of the month: its approved and paid settlements. */
    Download paymentList(Caller caller, String district, YearMonth month, ExportFormat format) {
        BillingAccess.EXPORT_PAYMENT_LIST.reveal(caller, Holder.district(district), "district", district);
        return new Download(
                SettlementExport.filename("payments", district, month, format),
                format,
                written(format, "지급목록 " + month, SettlementExport.PAYMENT_LIST, sheet -> {
                    try (Stream<Settlement> payable =
                            settlements.payable(district, month).toStream(READ_AHEAD)) {
                        SettlementExport.paymentList(sheet, payable.iterator());
                    }
                }));
    }

    private Download statement(
            String district,
            String providerId,
            YearMonth month,
            @Nullable Settlement settlement,
            List<HeldDelivery> held,
            ExportFormat format) {
        return new Download(
                SettlementExport.filename("statement", providerId, month, format),
                format,
                written(format, "정산내역 " + month, SettlementExport.STATEMENT, sheet -> {
                    // closing the stream cancels the query when the client goes away mid-file
                    try (Stream<StatementLine> lines =
                            settlements.lines(district, providerId, month).toStream(READ_AHEAD)) {
                        SettlementExport.statement(sheet, providerId, month, settlement, lines.iterator(), held);
                    }
                }));
    }

    private interface Content {
        void write(Sheet sheet) throws IOException;
    }

    private static Flux<DataBuffer> written(ExportFormat format, String title, List<String> header, Content content) {
        return Flux.from(DataBufferUtils.outputStreamPublisher(
                        out -> {
                            try {
                                Sheet sheet = Sheet.open(format, out, title, header);
                                content.write(sheet);
                                sheet.finish();
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        },
                        DefaultDataBufferFactory.sharedInstance,
                        WRITERS,
                        CHUNK))
                .doOnError(failed -> log.error("The export {} broke off", title, failed));
    }
}
