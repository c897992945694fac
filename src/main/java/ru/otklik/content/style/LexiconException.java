package ru.otklik.content.style;

/** The style lexicon cannot be read or one of its entries is invalid; the message names the entry. */
public class LexiconException extends RuntimeException {

    public LexiconException(String message) {
        super(message);
    }

    public LexiconException(String message, Throwable cause) {
        super(message, cause);
    }
}
