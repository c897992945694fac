package ru.otklik.notification;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Resolves recipients with Camunda's directory: the users' {@code email}, and that of every group member. */
public class IdentityRecipients implements RecipientResolver {

    private final IdentityService identity;

    public IdentityRecipients(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Set<String> addresses(Set<String> userIds, Set<String> groupIds) {
        // The system reads the directory, whoever is logged in on this thread.
        Authentication current = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            Set<String> addresses = new TreeSet<>();
            if (!userIds.isEmpty()) {
                add(addresses, identity.createUserQuery().userIdIn(userIds.toArray(String[]::new)).list());
            }
            for (String groupId : groupIds) {
                add(addresses, identity.createUserQuery().memberOfGroup(groupId).list());
            }
            return addresses;
        } finally {
            if (current != null) {
                identity.setAuthentication(current);
            }
        }
    }

    private static void add(Set<String> addresses, Collection<User> users) {
        for (User user : users == null ? List.<User>of() : users) {
            String email = user.getEmail();
            if (email != null && !email.isBlank()) {
                addresses.add(email.trim());
            }
        }
    }
}
