package kr.dolbom.events;

/**
 * A record that no retry can make readable: bad JSON, an unknown type, a missing attribute. Consumers send
 * it to their dead-letter topic at once, with this message as the reason.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
