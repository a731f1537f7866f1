package kr.dolbom.intake.district;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The dongs of the districts this window serves. */
@Repository
public class DistrictDongStore {

    private final DatabaseClient db;

    DistrictDongStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Boolean> servesDistrict(String district) {
        return db.sql("select exists (select 1 from district_dong where district = :district)")
                .bind("district", district)
                .map(row -> row.get(0, Boolean.class))
                .one();
    }

    public Mono<Boolean> contains(String district, String dong) {
        return db.sql("select exists (select 1 from district_dong where district = :district and dong = :dong)")
                .bind("district", district)
                .bind("dong", dong)
                .map(row -> row.get(0, Boolean.class))
                .one();
    }

    /** Whether the dong belongs to any district served here. */
    public Mono<Boolean> isServed(String dong) {
        return db.sql("select exists (select 1 from district_dong where dong = :dong)")
                .bind("dong", dong)
                .map(row -> row.get(0, Boolean.class))
                .one();
    }
}
