package kr.dolbom.platform.security;

/** Whose records a role reaches through one operation, once the role may call it at all. */
public enum Reach {
    /** Every district's: the city, the operators. */
    EVERY_DISTRICT,
    /** Its own district's; a care manager with dongs, only those dongs'. */
    OWN_DISTRICT,
    /** Its own provider's: lines assigned to it, its deliveries, charges and settlements. */
    OWN_PROVIDER,
    /** What it submitted itself: an agency's own referrals. */
    OWN_SUBMISSIONS,
    /** Reference data of the whole city, nobody's record (tariffs): the same answer to every district. */
    SHARED;

    boolean reaches(Caller caller, Holder holder) {
        return switch (this) {
            case EVERY_DISTRICT, SHARED -> true;
            case OWN_DISTRICT ->
                caller.actsFor(holder.district()) && (holder.dong() == null || caller.covers(holder.dong()));
            case OWN_PROVIDER -> caller.provider() != null && holder.providers().contains(caller.provider());
            case OWN_SUBMISSIONS ->
                caller.actsFor(holder.district()) && caller.subject().equals(holder.submitter());
        };
    }
}
