package ru.otklik.message;

/** The result of {@link MessageRegistry#register}: the entry and whether this call created it. */
public record Registration(MessageEntry entry, boolean created) {
}
