package ru.otklik.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.diagnostics.CommandCounter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import ru.otklik.support.OtklikSpringTest;

import java.time.Duration;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cache of successful API logins against the real identity service. Camunda's commands are counted by the
 * engine's own command counter: {@code CheckPassword} (the password check), {@code DbGroupQueryImpl} and
 * {@code DbTenantQueryImpl} (the group and tenant queries) — the three database round trips of a login. Every test
 * logs in as users of its own, never a demo user.
 */
@OtklikSpringTest
class AuthenticationCacheTests {

    private static final String GROUP = "authcache-test";
    private static final String TENANT = "authcache-test";
    private static final String PASSWORD = "right-password";

    @Autowired
    IdentityService identity;
    @Autowired
    ProcessEngine engine;
    @Autowired
    CamundaIdentityAuthenticationProvider applicationProvider;
    @Autowired
    AuthenticationCacheProperties properties;
    @Autowired
    TestRestTemplate rest;

    private final AtomicLong nanos = new AtomicLong();

    @BeforeEach
    void groupAndTenant() {
        if (identity.createGroupQuery().groupId(GROUP).count() == 0) {
            identity.saveGroup(identity.newGroup(GROUP));
        }
        if (identity.createTenantQuery().tenantId(TENANT).count() == 0) {
            identity.saveTenant(identity.newTenant(TENANT));
        }
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("the settings of application.yml: one minute, 1000 users")
    void settings() {
        assertThat(properties).isEqualTo(new AuthenticationCacheProperties(Duration.ofMinutes(1), 1000));
    }

    @Test
    @DisplayName("a second login with the same credentials asks Camunda nothing and yields the same staff")
    void secondLoginFromCache() {
        String user = user("same-credentials");
        CamundaIdentityAuthenticationProvider provider = provider(Duration.ofMinutes(1));

        Counts before = counts();
        Authentication first = provider.authenticate(login(user, PASSWORD));
        Counts afterFirst = counts();
        Authentication second = provider.authenticate(login(user, PASSWORD));

        assertThat(afterFirst.minus(before)).isEqualTo(new Counts(1, 1, 1));
        assertThat(counts().minus(afterFirst)).isEqualTo(new Counts(0, 0, 0));
        Staff expected = new Staff(user, Set.of(GROUP), Set.of(TENANT));
        assertThat(first.getPrincipal()).isEqualTo(expected);
        assertThat(second.getPrincipal()).isEqualTo(expected);
        assertThat(second.isAuthenticated()).isTrue();
        assertThat(second.getCredentials()).isNull();
        assertThat(second.getAuthorities()).map(GrantedAuthority::getAuthority).containsExactly("ROLE_STAFF");
        // the name rate limits and logs go by is the user id, not the record's text with its groups
        assertThat(second.getName()).isEqualTo(user);
    }

    @Test
    @DisplayName("a cached login expires after the ttl; then Camunda is asked again")
    void expiresAfterTtl() {
        String user = user("expiry");
        CamundaIdentityAuthenticationProvider provider = provider(Duration.ofMinutes(1));
        provider.authenticate(login(user, PASSWORD));

        nanos.set(Duration.ofSeconds(59).toNanos());
        Counts before = counts();
        provider.authenticate(login(user, PASSWORD));
        assertThat(counts().minus(before)).as("59 s after the check").isEqualTo(new Counts(0, 0, 0));

        nanos.set(Duration.ofSeconds(61).toNanos());
        before = counts();
        provider.authenticate(login(user, PASSWORD));
        assertThat(counts().minus(before)).as("61 s after the check").isEqualTo(new Counts(1, 1, 1));
    }

    @Test
    @DisplayName("a wrong password goes to Camunda while the right one is cached, is never cached, and makes the next "
            + "right login go to Camunda, which holds the user back")
    void wrongPassword() {
        String user = user("wrong-password");
        CamundaIdentityAuthenticationProvider provider = provider(Duration.ofMinutes(1));
        Date now = new Date();
        ClockUtil.setCurrentTime(now);
        provider.authenticate(login(user, PASSWORD));

        for (int attempt = 1; attempt <= 2; attempt++) {
            Counts before = counts();
            assertThatThrownBy(() -> provider.authenticate(login(user, "wrong-password")))
                    .isInstanceOf(BadCredentialsException.class);
            assertThat(counts().minus(before)).as("wrong attempt " + attempt).isEqualTo(new Counts(1, 0, 0));
        }

        // Camunda now holds the user back (3 s after one failure, never more than login-delay-max-time, 60 s),
        // and the right password is not taken from the cache in the meantime.
        Counts before = counts();
        assertThatThrownBy(() -> provider.authenticate(login(user, PASSWORD)))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(counts().minus(before)).isEqualTo(new Counts(1, 0, 0));

        ClockUtil.setCurrentTime(new Date(now.getTime() + Duration.ofSeconds(61).toMillis()));
        before = counts();
        assertThat(provider.authenticate(login(user, PASSWORD)).getPrincipal())
                .isEqualTo(new Staff(user, Set.of(GROUP), Set.of(TENANT)));
        assertThat(counts().minus(before)).isEqualTo(new Counts(1, 1, 1));
    }

    @Test
    @DisplayName("ttl PT0S: every login is checked by Camunda")
    void ttlZero() {
        String user = user("ttl-zero");
        CamundaIdentityAuthenticationProvider provider = provider(Duration.ZERO);

        Counts before = counts();
        provider.authenticate(login(user, PASSWORD));
        provider.authenticate(login(user, PASSWORD));
        provider.authenticate(login(user, PASSWORD));

        assertThat(counts().minus(before)).isEqualTo(new Counts(3, 3, 3));
    }

    @Test
    @DisplayName("a membership or password changed through the identity service takes effect on the next login")
    void identityChangeEvicts() {
        String user = user("identity-change");
        applicationProvider.authenticate(login(user, PASSWORD));
        Counts before = counts();
        applicationProvider.authenticate(login(user, PASSWORD));
        assertThat(counts().minus(before)).as("cached").isEqualTo(new Counts(0, 0, 0));

        identity.deleteMembership(user, GROUP);
        before = counts();
        assertThat(applicationProvider.authenticate(login(user, PASSWORD)).getPrincipal())
                .isEqualTo(new Staff(user, Set.of(), Set.of(TENANT)));
        assertThat(counts().minus(before)).as("after the membership was removed").isEqualTo(new Counts(1, 1, 1));

        User changed = identity.createUserQuery().userId(user).singleResult();
        changed.setPassword("new-password");
        identity.saveUser(changed);
        before = counts();
        assertThatThrownBy(() -> applicationProvider.authenticate(login(user, PASSWORD)))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(counts().minus(before)).as("the old password after the change").isEqualTo(new Counts(1, 0, 0));
    }

    @Test
    @DisplayName("HTTP: the second GET /api/messages with the same credentials asks Camunda nothing; a wrong password "
            + "is a 401")
    void overHttp() {
        String user = user("http");

        Counts before = counts();
        ResponseEntity<JsonNode> first = rest.withBasicAuth(user, PASSWORD).getForEntity("/api/messages", JsonNode.class);
        Counts afterFirst = counts();
        ResponseEntity<JsonNode> second = rest.withBasicAuth(user, PASSWORD).getForEntity("/api/messages", JsonNode.class);
        Counts afterSecond = counts();
        ResponseEntity<String> wrong = rest.withBasicAuth(user, "wrong-password").getForEntity("/api/messages",
                String.class);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(second.getBody()).isEqualTo(first.getBody());
        assertThat(afterFirst.minus(before)).isEqualTo(new Counts(1, 1, 1));
        assertThat(afterSecond.minus(afterFirst)).isEqualTo(new Counts(0, 0, 0));
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // the API's authentication manager has no parent holding the provider again: one check, not two
        assertThat(counts().minus(afterSecond)).isEqualTo(new Counts(1, 0, 0));
    }

    /** A user of this test in its group and tenant. */
    private String user(String name) {
        String id = "authcache-" + name;
        User user = identity.newUser(id);
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(id, GROUP);
        identity.createTenantUserMembership(TENANT, id);
        return id;
    }

    /** A provider with a cache of its own, whose time is {@link #nanos}. */
    private CamundaIdentityAuthenticationProvider provider(Duration ttl) {
        return new CamundaIdentityAuthenticationProvider(identity,
                new AuthenticationCache(new AuthenticationCacheProperties(ttl, 1000), nanos::get));
    }

    private static Authentication login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    private Counts counts() {
        return new Counts(count("CheckPassword"), count("DbGroupQueryImpl"), count("DbTenantQueryImpl"));
    }

    private long count(String command) {
        CommandCounter counter = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getDiagnosticsRegistry().getCommands().get(command);
        return counter == null ? 0 : counter.get();
    }

    private record Counts(long passwordChecks, long groupQueries, long tenantQueries) {

        Counts minus(Counts earlier) {
            return new Counts(passwordChecks - earlier.passwordChecks, groupQueries - earlier.groupQueries,
                    tenantQueries - earlier.tenantQueries);
        }
    }
}
