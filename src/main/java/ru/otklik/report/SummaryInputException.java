package ru.otklik.report;

import org.camunda.bpm.engine.ProcessEngineException;

/** What staff entered in a review step is refused (the Russian reason shows in Tasklist); nothing is stored. */
public class SummaryInputException extends ProcessEngineException {

    public SummaryInputException(String message) {
        super(message);
    }
}
