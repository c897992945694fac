package ru.otklik.content.publication;

import ru.otklik.web.InvalidFieldException;

/** The link is logged already for this account: a 400 on the field {@code link}, a «duplicate» row on import. */
public class DuplicatePublicationException extends InvalidFieldException {

    public DuplicatePublicationException(String link) {
        super("link", "публикация " + link + " уже внесена в журнал этого аккаунта");
    }
}
