package ru.otklik.account;

import ru.otklik.web.InvalidFieldException;

/**
 * An account request, import row or form entry that breaks a rule of the registry. Over REST a 400 naming
 * the field; in Tasklist the engine shows the (Russian) message and the form stays open.
 */
public class AccountValidationException extends InvalidFieldException {

    public AccountValidationException(String field, String message) {
        super(field, message);
    }
}
