package ru.otklik.notification;

/**
 * Delivers notifications to staff (MSG-24, MSG-26, MSG-27). Implementations decide the channel; callers
 * name recipients by Camunda user and group ids only. Called inside the engine's transaction: an exception
 * rolls the step back, so the job is retried and ends as an incident in Cockpit.
 */
public interface Notifier {

    void send(Notification notification);
}
