package kr.dolbom.billing.budget;

import kr.dolbom.events.ServiceType;

/**
 * What a program's charges of a year came to in a district: {@code publicShare} is what the budget pays (공공부담),
 * {@code amount} what the providers earn (public share and co-payments).
 */
public record ProgramSpend(
        String district, int year, ServiceType serviceType, long charges, long amount, long publicShare) {

    static ProgramSpend none(String district, int year, ServiceType type) {
        return new ProgramSpend(district, year, type, 0, 0, 0);
    }
}
