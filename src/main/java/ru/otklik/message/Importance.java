package ru.otklik.message;

/** The importance category the coordinator sets (MSG-8, MSG-12). */
public enum Importance {
    REGULAR("Обычная"),
    /** MSG-12: socially significant, high public activity or needing a prompt solution. */
    ELEVATED("Повышенная");

    private final String title;

    Importance(String title) {
        this.title = title;
    }

    /** The Russian label staff read. */
    public String title() {
        return title;
    }
}
