package ru.otklik.integration.posting;

/**
 * The network did not post the answer. The message is in Russian: the supervisor reads it in the Cockpit
 * incident and the specialist in the posting form.
 */
public class PublishingException extends RuntimeException {

    public enum Kind {
        /** Worth retrying later: too many requests, flood control, the network's internal error, a timeout. */
        TEMPORARY,
        /** The token is invalid or lacks the rights: retrying cannot help until the token is replaced. */
        ACCESS,
        /** The network refused this answer (comments closed, the author blocks messages, …). */
        REFUSED
    }

    private final Kind kind;

    public PublishingException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public PublishingException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
