package ru.otklik.content.publication;

/** Published inside the logging transaction, so that the content plan marks its item done (ACC-6). */
public record PublicationLogged(Publication publication) {
}
