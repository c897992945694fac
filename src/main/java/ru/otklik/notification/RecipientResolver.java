package ru.otklik.notification;

import java.util.Set;

/** Turns Camunda user and group ids into e-mail addresses. */
@FunctionalInterface
public interface RecipientResolver {

    /** The addresses of the users and of the groups' members; users without an address are left out. */
    Set<String> addresses(Set<String> userIds, Set<String> groupIds);
}
