package kr.dolbom.billing.tariff;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import kr.dolbom.billing.access.BillingAccess;
import kr.dolbom.events.ServiceType;
import kr.dolbom.platform.security.Caller;
import kr.dolbom.platform.security.Holder;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/tariffs")
class TariffController {

    private final TariffStore store;
    private final Tariffs tariffs;

    TariffController(TariffStore store, Tariffs tariffs) {
        this.store = store;
        this.tariffs = tariffs;
    }

    /**
     * A new tariff of the district from {@code validFrom} on. The fields its {@code pricing} needs: DURATION_BANDS
     * {@code minimumMinutes} and {@code bands} [{@code fromMinutes}, {@code amount}]; TIME_RATE {@code rate} per
     * {@code basisMinutes}, billed in completed {@code stepMinutes}, at least {@code minimumMinutes}; UNIT_PRICE
     * {@code unitPrice}. Amounts are whole won.
     *
     * @param basis where the price comes from (a district notice), kept with it
     */
    record TariffForm(
            @NotNull ServiceType serviceType,
            @NotNull LocalDate validFrom,
            @NotNull Pricing pricing,
            @Nullable Integer minimumMinutes,
            @Nullable List<DurationBands.@Nullable Band> bands,
            @Nullable Long rate,
            @Nullable Integer basisMinutes,
            @Nullable Integer stepMinutes,
            @Nullable Long unitPrice,
            @NotBlank @Size(max = 200) String basis) {

        TariffProposal proposal() {
            return new TariffProposal(
                    serviceType, validFrom, pricing, minimumMinutes, bands, rate, basisMinutes, stepMinutes, unitPrice);
        }
    }

    /** A tariff row; {@code district} is null for a city-wide one, {@code recordedBy} for one not added over REST. */
    record TariffView(
            @Nullable String district,
            Tariff tariff,
            String basis,
            @Nullable String recordedBy,
            @Nullable String recordedAsRole,
            Instant recordedAt) {

        static TariffView of(TariffEntry entry) {
            return new TariffView(
                    entry.district(),
                    entry.tariff(),
                    entry.basis(),
                    entry.recordedBy(),
                    entry.recordedAsRole(),
                    entry.recordedAt());
        }
    }

    /** Every tariff that prices the district's deliveries, and the audited changes of its own, oldest first. */
    record TariffHistoryView(String district, List<TariffView> tariffs, List<TariffChange> changes) {}

    /** The city-wide tariffs with the day each took effect; each is in force until the next one of its service. */
    @GetMapping
    Flux<Tariff> listTariffs(Caller caller) {
        BillingAccess.LIST_TARIFFS.admit(caller);
        return store.all();
    }

    /** The district's tariffs: the city-wide rows and its own, every dated row (the old stay), and who added which. */
    @GetMapping("/{district}")
    Mono<TariffHistoryView> readTariffHistory(
            Caller caller, @PathVariable("district") @Size(max = 100) String district) {
        BillingAccess.READ_TARIFF_HISTORY.reveal(caller, Holder.district(district), "district", district);
        return Mono.zip(
                        store.of(district).map(TariffView::of).collectList(),
                        store.changes(district).collectList())
                .map(both -> new TariffHistoryView(district, both.getT1(), both.getT2()));
    }

    /**
     * A new tariff of the district (201). 409 naming {@code validFrom} when the district has one of the service from
     * that day, 422 when the day lies in or before the district's latest closed month; 400 naming the field for a
     * bad value. Nothing is written unless all of it is.
     */
    @PostMapping("/{district}")
    Mono<ResponseEntity<TariffView>> addTariff(
            Caller caller,
            @PathVariable("district") @Size(max = 100) String district,
            @Valid @RequestBody TariffForm form) {
        return tariffs.add(caller, district, form.proposal(), form.basis())
                .map(entry -> ResponseEntity.created(URI.create("/api/v1/tariffs/" + district))
                        .body(TariffView.of(entry)));
    }
}
