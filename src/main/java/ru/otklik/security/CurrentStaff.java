package ru.otklik.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/** The {@link Staff} of the current request. */
public final class CurrentStaff {

    private CurrentStaff() {
    }

    public static Staff get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Staff staff) {
            return staff;
        }
        throw new AuthenticationCredentialsNotFoundException("Требуется вход");
    }
}
