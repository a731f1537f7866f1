package kr.dolbom.intake.resident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import kr.dolbom.events.IncomeTier;

/**
 * The resident's details as the care manager confirms them, all of them (a PUT), with why they changed.
 *
 * @param reason what the care manager saw or was shown (a move, a new 수급자 decision); kept with the version
 */
public record ResidentChangeForm(
        @NotBlank @Size(max = 200) String address,
        @NotBlank @Size(max = 40) String dong,
        @NotNull Boolean disabled,
        @NotNull IncomeTier incomeTier,
        @NotBlank @Size(max = 500) String reason) {

    ResidentDetails details() {
        return new ResidentDetails(address, dong, disabled, incomeTier);
    }
}
