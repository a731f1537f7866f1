package kr.dolbom.platform.security;

/** The roles of the table, as the {@code role} claim spells them. */
public enum CareRole {
    /** 돌봄매니저: requests, assessments and residents of their district, or of their dongs in it. */
    CARE_MANAGER,
    /** 통합창구: the district's orders and dispatch. */
    WINDOW,
    /** A provider's staff: their own provider's lines. */
    PROVIDER,
    /** 구청 담당자: tariffs, charges and settlements of their district. */
    BILLING_OFFICER,
    /** 시 복지정책과: figures of every district, nothing personal. */
    CITY_ADMIN,
    /** A referring system (hospital, welfare centre): its own referrals. */
    AGENCY,
    /** 개인정보 보호책임자: the district's privacy officer, who reads the audit log of personal-data reads. */
    PRIVACY_OFFICER,
    /** Whoever runs the services: health details, metrics, dead letters. */
    OPERATOR;

    /** The city and the operators act for no one district; everyone else acts for exactly one. */
    public boolean actsForOneDistrict() {
        return this != CITY_ADMIN && this != OPERATOR;
    }
}
