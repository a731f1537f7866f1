package kr.dolbom.billing.charge;

import kr.dolbom.events.CareSos;

/**
 * 연간 이용한도: of a resident's 일시재가, the public purse funds at most {@link CareSos#HOME_CARE_MINUTES_PER_YEAR} a
 * calendar year (Asia/Seoul; the year of the visit's day, as a visit ends on the day it starts). The visit that
 * crosses the cap is split: its minutes within are funded as usual, those beyond are the resident's to pay.
 */
public final class AnnualCap {

    private AnnualCap() {}

    /** How a visit's minutes fall against the cap, given the minutes the resident used before it this year. */
    public record Use(int withinCap, int beyondCap) {

        public Use {
            if (withinCap < 0 || beyondCap < 0) {
                throw new IllegalArgumentException("minutes are never negative");
            }
        }

        public int minutes() {
            return withinCap + beyondCap;
        }

        public boolean crossesOrBeyond() {
            return beyondCap > 0;
        }
    }

    public static Use of(int usedBefore, int minutes) {
        if (usedBefore < 0 || minutes <= 0) {
            throw new IllegalArgumentException("used " + usedBefore + ", visit " + minutes + " minutes");
        }
        int left = Math.max(0, CareSos.HOME_CARE_MINUTES_PER_YEAR - usedBefore);
        int within = Math.min(minutes, left);
        return new Use(within, minutes - within);
    }
}
