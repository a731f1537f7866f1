package kr.dolbom.intake.resident;

import java.util.UUID;

/** What a visit needs of a resident: who, how to call, where. */
record ResidentContactView(UUID residentRef, String name, String phone, String address) {

    static ResidentContactView of(PersonalData data) {
        return new ResidentContactView(data.ref(), data.name(), data.phone(), data.address());
    }
}
