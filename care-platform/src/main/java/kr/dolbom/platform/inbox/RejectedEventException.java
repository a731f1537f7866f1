package kr.dolbom.platform.inbox;

/**
 * A well-formed event that this consumer's rules cannot apply (say, a delivery dated before any tariff).
 * Retrying cannot help, so it goes to the dead-letter topic at once, with this message as the reason.
 */
public class RejectedEventException extends RuntimeException {

    public RejectedEventException(String message) {
        super(message);
    }
}
