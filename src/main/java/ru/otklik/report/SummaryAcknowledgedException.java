package ru.otklik.report;

/** The head of the body acknowledged the summary (MSG-28): it is final and is not changed or compiled again. */
public class SummaryAcknowledgedException extends SummaryInputException {

    public SummaryAcknowledgedException(String organization, Period period) {
        super("Сводка " + organization + " за " + period.title()
                + " уже принята руководителем органа (MSG-28) и изменению не подлежит.");
    }
}
