package ru.otklik.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * HTTP Basic for the app's API against the Camunda identity service: the same users, passwords, groups
 * and tenants as Tasklist. The principal is a {@link Staff}. A login Camunda accepted is remembered for a short
 * time ({@link AuthenticationCache}); a password that does not match it is always checked by Camunda, so that
 * Camunda's login throttling applies.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    static final String ROLE_ADMIN = "ROLE_ADMIN";

    private final IdentityService identity;
    private final AuthenticationCache cache;

    CamundaIdentityAuthenticationProvider(IdentityService identity, AuthenticationCache cache) {
        this.identity = identity;
        this.cache = cache;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || credentials == null) {
            throw badCredentials();
        }
        String password = credentials.toString();
        Staff staff = cache.find(userId, password).orElseGet(() -> check(userId, password));
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_STAFF"));
        if (staff.admin()) {
            authorities.add(new SimpleGrantedAuthority(ROLE_ADMIN));
        }
        return UsernamePasswordAuthenticationToken.authenticated(staff, null, authorities);
    }

    private Staff check(String userId, String password) {
        if (!identity.checkPassword(userId, password)) {
            cache.forget(userId);
            throw badCredentials();
        }
        Set<String> groups = identity.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).collect(Collectors.toSet());
        Set<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
                .stream().map(Tenant::getId).collect(Collectors.toSet());
        Staff staff = new Staff(userId, groups, tenants);
        cache.remember(userId, password, staff);
        return staff;
    }

    private static BadCredentialsException badCredentials() {
        return new BadCredentialsException("Неверное имя пользователя или пароль");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
