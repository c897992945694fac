package ru.otklik.security;

import org.springframework.security.access.AccessDeniedException;

/** A user acting on an organization they do not belong to, or without the role it takes. */
public class OrganizationAccessDeniedException extends AccessDeniedException {

    public OrganizationAccessDeniedException(String userId, String organizationId) {
        super("Пользователь " + userId + " не имеет доступа к организации " + organizationId);
    }
}
