package kr.dolbom.matching.provider;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.dolbom.events.ServiceType;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class ProviderStore {

    private final DatabaseClient db;

    /** Under contract (협약) on {@code :day}: the public centre always, a member by its latest recorded change. */
    private static final String UNDER_CONTRACT = """
            (p.last_resort or coalesce((select c.under_contract from provider_contract_change c
                                        where c.provider_id = p.id and c.effective_on <= :day
                                        order by c.effective_on desc, c.recorded_at desc limit 1), false))""";

    private final JsonMapper json;

    ProviderStore(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /**
     * Consortium members offering the service in the zone of the dong, not suspended and under contract on
     * {@code day} (never the provider of last resort).
     */
    public Flux<Candidate> candidates(String district, String dong, ServiceType type, LocalDate day) {
        return db.sql("""
                        select ps.provider_id, ps.capacity, ps.active_lines, ps.agreed_share, pz.lead
                        from provider_service ps
                        join provider p on p.id = ps.provider_id and p.district = :district and not p.last_resort
                                        and p.suspended_at is null
                        join provider_zone pz on pz.provider_id = p.id
                        join zone_dong zd on zd.district = p.district and zd.zone = pz.zone and zd.dong = :dong
                        where ps.service_type = :type and """ + UNDER_CONTRACT)
                .bind("day", day)
                .bind("district", district)
                .bind("dong", dong)
                .bind("type", type.name())
                .map(row -> new Candidate(
                        row.get("provider_id", String.class),
                        row.get("capacity", Integer.class),
                        row.get("active_lines", Integer.class),
                        row.get("agreed_share", Integer.class),
                        Boolean.TRUE.equals(row.get("lead", Boolean.class))))
                .all();
    }

    /** The zone (권역) the dong belongs to; empty for a dong in no zone of the district. */
    public Mono<String> zoneOf(String district, String dong) {
        return db.sql("select zone from zone_dong where district = :district and dong = :dong")
                .bind("district", district)
                .bind("dong", dong)
                .map(row -> row.get("zone", String.class))
                .one();
    }

    /** Takes one unit of capacity if there still is one: two concurrent matches cannot both take the last. */
    public Mono<Boolean> take(String providerId, ServiceType type) {
        return db.sql("""
                        update provider_service set active_lines = active_lines + 1
                        where provider_id = :provider and service_type = :type and active_lines < capacity""")
                .bind("provider", providerId)
                .bind("type", type.name())
                .fetch()
                .rowsUpdated()
                .map(updated -> updated == 1);
    }

    /** The district's provider of last resort for the service, taking nothing: for a line that holds no capacity. */
    public Mono<String> lastResortOf(String district, ServiceType type) {
        return db.sql("""
                        select ps.provider_id from provider_service ps join provider p on p.id = ps.provider_id
                        where p.district = :district and p.last_resort and ps.service_type = :type""")
                .bind("district", district)
                .bind("type", type.name())
                .map(row -> row.get("provider_id", String.class))
                .one();
    }

    /** The district's provider of last resort for the service; it takes the line whatever its load. */
    public Mono<String> takeAsLastResort(String district, ServiceType type) {
        return db.sql("""
                        update provider_service ps set active_lines = active_lines + 1
                        from provider p
                        where p.id = ps.provider_id and p.district = :district and p.last_resort
                          and ps.service_type = :type
                        returning ps.provider_id""")
                .bind("district", district)
                .bind("type", type.name())
                .map(row -> row.get("provider_id", String.class))
                .one();
    }

    /** Gives back the capacity a finished line held. */
    public Mono<Void> release(String providerId, ServiceType type) {
        return db.sql("""
                        update provider_service set active_lines = greatest(active_lines - 1, 0)
                        where provider_id = :provider and service_type = :type""")
                .bind("provider", providerId)
                .bind("type", type.name())
                .then();
    }

    /**
     * A resumed line takes its capacity back even beyond the provider's capacity: its resident was the provider's
     * before the hold, and nobody else's.
     */
    public Mono<Void> retake(String providerId, ServiceType type) {
        return db.sql("""
                        update provider_service set active_lines = active_lines + 1
                        where provider_id = :provider and service_type = :type""")
                .bind("provider", providerId)
                .bind("type", type.name())
                .then();
    }

    /**
     * 정지: the member is offered nothing from now on; false if it is suspended already or is the public centre, which
     * the district cannot do without.
     */
    public Mono<Boolean> suspend(String providerId, String reason) {
        return db.sql("""
                        update provider set suspended_at = clock_timestamp(), suspension_reason = :reason
                        where id = :id and suspended_at is null and not last_resort""")
                .bind("reason", reason)
                .bind("id", providerId)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    /** 재개: offered lines again; false if it was not suspended. */
    public Mono<Boolean> resume(String providerId) {
        return db.sql("""
                        update provider set suspended_at = null, suspension_reason = null
                        where id = :id and suspended_at is not null""").bind("id", providerId).fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /**
     * Whether the provider may be given a line of the service in the dong by hand: it offers the service, serves
     * the dong's zone (the public centre serves every dong of its district) and is not suspended; the reason if not.
     */
    public Mono<String> refusalToServe(
            String providerId, String district, String dong, ServiceType type, LocalDate day) {
        return db.sql("""
                        select p.district, p.last_resort, p.suspended_at is not null as suspended,
                               """ + UNDER_CONTRACT + """
                                as under_contract,
                               exists (select 1 from provider_service ps
                                       where ps.provider_id = p.id and ps.service_type = :type) as offers,
                               exists (select 1 from provider_zone pz
                                       join zone_dong zd on zd.zone = pz.zone and zd.district = p.district
                                       where pz.provider_id = p.id and zd.dong = :dong) as serves
                        from provider p where p.id = :id""")
                .bind("type", type.name())
                .bind("dong", dong)
                .bind("id", providerId)
                .bind("day", day)
                .map(row -> {
                    if (!district.equals(row.get("district", String.class))) {
                        return providerId + " is not a provider of " + district;
                    }
                    if (Boolean.TRUE.equals(row.get("suspended", Boolean.class))) {
                        return providerId + " is suspended";
                    }
                    if (!Boolean.TRUE.equals(row.get("under_contract", Boolean.class))) {
                        return providerId + " is not under contract on " + day;
                    }
                    if (!Boolean.TRUE.equals(row.get("offers", Boolean.class))) {
                        return providerId + " does not offer " + type;
                    }
                    if (!Boolean.TRUE.equals(row.get("last_resort", Boolean.class))
                            && !Boolean.TRUE.equals(row.get("serves", Boolean.class))) {
                        return providerId + " does not serve the zone of dong " + dong;
                    }
                    return "";
                })
                .one()
                .defaultIfEmpty(providerId + " is not a provider of " + district);
    }

    /** 협약 기간: the member is under contract from {@code startsOn}, to {@code endsOn} if given; kept, never edited. */
    public Mono<Void> addContractPeriod(
            String providerId, LocalDate startsOn, @Nullable LocalDate endsOn, String by, String reason) {
        Mono<Void> from = contractChange(providerId, startsOn, true, by, reason);
        return endsOn == null ? from : from.then(contractChange(providerId, endsOn.plusDays(1), false, by, reason));
    }

    private Mono<Void> contractChange(String providerId, LocalDate on, boolean under, String by, String reason) {
        return db.sql("""
                        insert into provider_contract_change (provider_id, effective_on, under_contract, recorded_by,
                                                              reason)
                        values (:provider, :on, :under, :by, :reason)""")
                .bind("provider", providerId)
                .bind("on", on)
                .bind("under", under)
                .bind("by", by)
                .bind("reason", reason)
                .then();
    }

    /** The member's contract as recorded: each change, latest day first. */
    public Flux<ContractChange> contractOf(String providerId) {
        return db.sql("""
                        select effective_on, under_contract, recorded_by, reason, recorded_at
                        from provider_contract_change where provider_id = :provider
                        order by effective_on desc, recorded_at desc""")
                .bind("provider", providerId)
                .map(row -> new ContractChange(
                        row.get("effective_on", LocalDate.class),
                        Boolean.TRUE.equals(row.get("under_contract", Boolean.class)),
                        row.get("recorded_by", String.class),
                        row.get("reason", String.class),
                        row.get("recorded_at", OffsetDateTime.class).toInstant()))
                .all();
    }

    /** One recorded change of a member's contract: from {@code effectiveOn} it is, or is no longer, under contract. */
    public record ContractChange(
            LocalDate effectiveOn, boolean underContract, String recordedBy, String reason, Instant recordedAt) {}

    /** The members not under contract on {@code day}: those a contract's end leaves without work. */
    public Flux<String> outOfContract(LocalDate day) {
        return db.sql("select p.id from provider p where not " + UNDER_CONTRACT + " order by p.id")
                .bind("day", day)
                .map(row -> row.get("id", String.class))
                .all();
    }

    /** Whether the provider is under contract on {@code day}; false for an unknown one. */
    public Mono<Boolean> underContract(String providerId, LocalDate day) {
        return db.sql("select " + UNDER_CONTRACT + " as under_contract from provider p where p.id = :id")
                .bind("day", day)
                .bind("id", providerId)
                .map(row -> Boolean.TRUE.equals(row.get("under_contract", Boolean.class)))
                .one()
                .defaultIfEmpty(false);
    }

    /** A line dispatched by hand takes a unit of capacity: within it for a member, beyond it for the public centre. */
    public Mono<Boolean> takeByHand(String providerId, ServiceType type) {
        return db.sql("""
                        update provider_service ps set active_lines = active_lines + 1
                        from provider p
                        where p.id = ps.provider_id and ps.provider_id = :provider and ps.service_type = :type
                          and (ps.active_lines < ps.capacity or p.last_resort)""")
                .bind("provider", providerId)
                .bind("type", type.name())
                .fetch()
                .rowsUpdated()
                .map(updated -> updated == 1);
    }

    /** The lines the member holds in the service, locked; empty for a service it does not offer. */
    public Mono<Integer> lockLinesInHand(String providerId, ServiceType type) {
        return db.sql("select active_lines from provider_service where provider_id = :provider and service_type = :type"
                        + " for update")
                .bind("provider", providerId)
                .bind("type", type.name())
                .map(row -> row.get("active_lines", Integer.class))
                .one();
    }

    /**
     * The member's capacity and agreed share in the service from now on (the service added if it did not offer it),
     * kept in its dated history too.
     */
    public Mono<Void> changeService(
            String providerId, ServiceType type, int capacity, int agreedShare, String by, String reason) {
        return db.sql("""
                        insert into provider_service (provider_id, service_type, capacity, agreed_share)
                        values (:provider, :type, :capacity, :share)
                        on conflict (provider_id, service_type)
                        do update set capacity = excluded.capacity, agreed_share = excluded.agreed_share""")
                .bind("capacity", capacity)
                .bind("share", agreedShare)
                .bind("provider", providerId)
                .bind("type", type.name())
                .then()
                .then(db.sql("""
                                insert into provider_service_change (provider_id, service_type, capacity, agreed_share,
                                                                     changed_by, reason)
                                values (:provider, :type, :capacity, :share, :by, :reason)""")
                        .bind("provider", providerId)
                        .bind("type", type.name())
                        .bind("capacity", capacity)
                        .bind("share", agreedShare)
                        .bind("by", by)
                        .bind("reason", reason)
                        .then());
    }

    public Mono<Boolean> isLastResort(String providerId) {
        return db.sql("select last_resort from provider where id = :id")
                .bind("id", providerId)
                .map(row -> Boolean.TRUE.equals(row.get("last_resort", Boolean.class)))
                .one()
                .defaultIfEmpty(false);
    }

    public Mono<String> districtOf(String providerId) {
        return db.sql("select district from provider where id = :id")
                .bind("id", providerId)
                .map(row -> row.get("district", String.class))
                .one();
    }

    public Flux<ProviderView> providers(String district) {
        return views("p.district = :district")
                .bind("district", district)
                .map(ProviderStore::view)
                .all()
                .bufferUntilChanged(ProviderView::id)
                .map(ProviderView::merge);
    }

    public Mono<ProviderView> provider(String providerId) {
        return views("p.id = :id")
                .bind("id", providerId)
                .map(ProviderStore::view)
                .all()
                .collectList()
                .filter(rows -> !rows.isEmpty())
                .map(ProviderView::merge);
    }

    private DatabaseClient.GenericExecuteSpec views(String where) {
        return db.sql("""
                select p.id, p.name, p.kind, p.district, p.last_resort, p.suspension_reason,
                       coalesce((select array_agg(zone order by zone) from provider_zone
                                 where provider_id = p.id), '{}') as zones,
                       coalesce((select array_agg(zone order by zone) from provider_zone
                                 where provider_id = p.id and lead), '{}') as lead_of,
                       ps.service_type, ps.capacity, ps.active_lines, ps.agreed_share
                from provider p left join provider_service ps on ps.provider_id = p.id
                where\s""" + where + " order by p.last_resort, p.id, ps.service_type");
    }

    private static ProviderView view(Readable row) {
        return new ProviderView(
                row.get("id", String.class),
                row.get("name", String.class),
                row.get("kind", String.class),
                row.get("district", String.class),
                Boolean.TRUE.equals(row.get("last_resort", Boolean.class)),
                List.of(row.get("zones", String[].class)),
                List.of(row.get("lead_of", String[].class)),
                row.get("suspension_reason", String.class),
                row.get("service_type", String.class) == null
                        ? List.of()
                        : List.of(new ProviderView.Offer(
                                ServiceType.valueOf(row.get("service_type", String.class)),
                                row.get("capacity", Integer.class),
                                row.get("active_lines", Integer.class),
                                row.get("agreed_share", Integer.class))));
    }

    /** 명부 등록: a new member, serving nothing yet; false if the id is taken (in any district). */
    public Mono<Boolean> register(String providerId, String name, ProviderKind kind, String district) {
        return db.sql("""
                        insert into provider (id, name, kind, district) values (:id, :name, :kind, :district)
                        on conflict (id) do nothing""")
                .bind("id", providerId)
                .bind("name", name)
                .bind("kind", kind.name())
                .bind("district", district)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    /** Takes the district's registry for the caller's transaction: one zone lead is checked, then written. */
    public Mono<Void> lockRegistry(String district) {
        return db.sql("select pg_advisory_xact_lock(hashtextextended('registry:' || :district, 0))")
                .bind("district", district)
                .then();
    }

    /** The zones (권역) of the district's zone map. */
    public Mono<Set<String>> zonesOf(String district) {
        return db.sql("select distinct zone from zone_dong where district = :district")
                .bind("district", district)
                .map(row -> row.get("zone", String.class))
                .all()
                .collect(HashSet::new, Set::add);
    }

    /** The district's zones led by a member other than {@code providerId}, and by which. */
    public Mono<Map<String, String>> leadsOtherThan(String district, String providerId) {
        return db.sql("""
                        select pz.zone, pz.provider_id from provider_zone pz join provider p on p.id = pz.provider_id
                        where p.district = :district and pz.lead and p.id <> :id""")
                .bind("district", district)
                .bind("id", providerId)
                .map(row -> Map.entry(row.get("zone", String.class), row.get("provider_id", String.class)))
                .all()
                .collect(HashMap::new, (leads, lead) -> leads.put(lead.getKey(), lead.getValue()));
    }

    /**
     * The zones the member serves and leads from now on, in place of those it served. Lines it holds in a zone it
     * gives up stay its: only new offers follow the zones.
     */
    public Mono<Void> serveZones(String providerId, List<String> zones, List<String> leadOf) {
        return db.sql("delete from provider_zone where provider_id = :id")
                .bind("id", providerId)
                .then()
                .then(db.sql("""
                                insert into provider_zone (provider_id, zone, lead)
                                select :id, zone, zone = any(:leads) from unnest(:zones) zone""")
                        .bind("id", providerId)
                        .bind("zones", zones.toArray(String[]::new))
                        .bind("leads", leadOf.toArray(String[]::new))
                        .then());
    }

    /** One change of the registry that has no dated table of its own, with who made it and why. */
    public Mono<Void> recordChange(
            String providerId, RegistryChange.What what, Map<String, Object> detail, String by, String reason) {
        return db.sql("""
                        insert into provider_change (provider_id, what, detail, changed_by, reason)
                        values (:id, :what, :detail, :by, :reason)""")
                .bind("id", providerId)
                .bind("what", what.name())
                .bind("detail", Json.of(json.writeValueAsBytes(detail)))
                .bind("by", by)
                .bind("reason", reason)
                .then();
    }

    /** 명부 이력: every recorded change of the member, latest first. */
    public Flux<RegistryChange> history(String providerId) {
        return db.sql("""
                        select changed_at, what, changed_by, reason, detail from provider_change
                        where provider_id = :id
                        union all
                        select changed_at, 'SERVICE_CHANGED', changed_by, reason,
                               jsonb_build_object('serviceType', service_type, 'capacity', capacity,
                                                  'agreedShare', agreed_share)
                        from provider_service_change where provider_id = :id
                        union all
                        select recorded_at, 'CONTRACT_CHANGED', recorded_by, reason,
                               jsonb_build_object('effectiveOn', effective_on, 'underContract', under_contract)
                        from provider_contract_change where provider_id = :id
                        order by changed_at desc, what""")
                .bind("id", providerId)
                .map(row -> new RegistryChange(
                        row.get("changed_at", OffsetDateTime.class).toInstant(),
                        RegistryChange.What.valueOf(row.get("what", String.class)),
                        row.get("changed_by", String.class),
                        row.get("reason", String.class),
                        json.readValue(row.get("detail", Json.class).asArray(), DETAIL)))
                .all();
    }

    private static final TypeReference<Map<String, Object>> DETAIL = new TypeReference<>() {};
}
