package ru.otklik.content.moderation;

import java.util.Locale;
import java.util.Optional;

/** ACC-10: why a comment was deleted or its author blacklisted. */
public enum ModerationReason {

    LAW_VIOLATION("нарушение законодательства"),
    SPAM("спам"),
    INSULT("оскорбления"),
    OBSCENITY("нецензурные выражения"),
    THREAT("угрозы");

    private final String title;

    ModerationReason(String title) {
        this.title = title;
    }

    /** As staff read it. */
    public String title() {
        return title;
    }

    /**
     * A reason by its name, or one of the grounds of the MSG-23 form: {@code HARM} (intent to harm others) is a
     * violation of the law, {@code OBSCENE} obscene or insulting language.
     */
    public static Optional<ModerationReason> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String name = value.trim().toUpperCase(Locale.ROOT);
        return switch (name) {
            case "HARM" -> Optional.of(LAW_VIOLATION);
            case "OBSCENE" -> Optional.of(OBSCENITY);
            default -> {
                try {
                    yield Optional.of(valueOf(name));
                } catch (IllegalArgumentException e) {
                    yield Optional.empty();
                }
            }
        };
    }
}
