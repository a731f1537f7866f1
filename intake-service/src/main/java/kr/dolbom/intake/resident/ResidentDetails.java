package kr.dolbom.intake.resident;

import java.util.ArrayList;
import java.util.List;
import kr.dolbom.events.IncomeTier;

/**
 * What may change about a resident without making them another person (the identity is name, birth date and
 * phone): where they live, whether they are disabled, and the income tier that decides who pays.
 */
public record ResidentDetails(String address, String dong, boolean disabled, IncomeTier incomeTier) {

    /** Every changeable detail, by the name the wire forms use; a first version changes all of them. */
    public static final List<String> FIELDS = List.of("address", "dong", "disabled", "incomeTier");

    /** The details, by name, in which these differ from {@code other}; empty when they are the same. */
    public List<String> differingFrom(ResidentDetails other) {
        List<String> differing = new ArrayList<>();
        // Spacing is how a clerk typed it, not where the resident lives.
        if (!normalised(address).equals(normalised(other.address))) {
            differing.add("address");
        }
        if (!dong.equals(other.dong)) {
            differing.add("dong");
        }
        if (disabled != other.disabled) {
            differing.add("disabled");
        }
        if (incomeTier != other.incomeTier) {
            differing.add("incomeTier");
        }
        return List.copyOf(differing);
    }

    private static String normalised(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    @Override
    public String toString() {
        return "ResidentDetails[personal data withheld]";
    }
}
