package ru.otklik.message;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * What a staff member entered breaks a rule of the procedure. The message is Russian: Tasklist shows it
 * under the form, and the task stays open.
 */
public class MessageValidationException extends ProcessEngineException {

    public MessageValidationException(String message) {
        super(message);
    }
}
