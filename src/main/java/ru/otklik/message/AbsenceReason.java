package ru.otklik.message;

/** Why a staff member is away (MSG-3): leave, illness or a business trip. */
public enum AbsenceReason {
    LEAVE("Отпуск"),
    ILLNESS("Болезнь"),
    BUSINESS_TRIP("Командировка");

    private final String title;

    AbsenceReason(String title) {
        this.title = title;
    }

    /** The Russian label staff read. */
    public String title() {
        return title;
    }
}
