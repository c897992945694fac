package ru.otklik.web;

/** A requested entry that does not exist, or that the user may not know of; answered with 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
