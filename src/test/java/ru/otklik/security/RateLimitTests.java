package ru.otklik.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The rate limiter with tiny limits, without the application context. */
class RateLimitTests {

    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();

    @AfterEach
    void clearUser() {
        SecurityContextHolder.clearContext();
    }

    private static RateLimitProperties.Limit limit(int requests) {
        return new RateLimitProperties.Limit(requests, Duration.ofMinutes(1));
    }

    private static MockHttpServletResponse send(Filter filter, String method, String path, String address)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    @DisplayName("public endpoints: the third request of an address within a minute is a 429 with Retry-After")
    void perAddress() throws Exception {
        RateLimitFilter filter = new RateLimitFilter(new RateLimitProperties(true, limit(2), limit(5), limit(5)), json);

        assertThat(send(filter, "GET", "/api/registry/accounts", "198.51.100.1").getStatus()).isEqualTo(200);
        assertThat(send(filter, "GET", "/registry", "198.51.100.1").getStatus()).isEqualTo(200);
        MockHttpServletResponse refused = send(filter, "GET", "/api/working-time/after", "198.51.100.1");

        assertThat(refused.getStatus()).isEqualTo(429);
        // 2 requests a minute: the allowance is renewed a minute after the first
        assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isBetween(59, 60);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(refused.getContentAsByteArray());
        assertThat(problem.path("status").asInt()).isEqualTo(429);
        assertThat(problem.path("detail").asText()).contains("не более 2 за 60 с");
        // another address, and an endpoint outside the groups, are not affected
        assertThat(send(filter, "GET", "/api/registry/accounts", "198.51.100.2").getStatus()).isEqualTo(200);
        assertThat(send(filter, "GET", "/api/messages", "198.51.100.1").getStatus()).isEqualTo(200);
        assertThat(send(filter, "POST", "/api/registry/accounts", "198.51.100.1").getStatus()).isEqualTo(200);
    }

    @Test
    @DisplayName("the VK callback has its own bucket per address")
    void vkCallback() throws Exception {
        RateLimitFilter filter = new RateLimitFilter(new RateLimitProperties(true, limit(1), limit(1), limit(5)), json);

        assertThat(send(filter, "GET", "/registry", "198.51.100.3").getStatus()).isEqualTo(200);
        assertThat(send(filter, "POST", "/api/integrations/vk/callback", "198.51.100.3").getStatus()).isEqualTo(200);
        assertThat(send(filter, "POST", "/api/integrations/vk/callback", "198.51.100.3").getStatus()).isEqualTo(429);
    }

    @Test
    @DisplayName("the intake is counted per user, whatever the address")
    void perUser() throws Exception {
        RateLimitFilter filter = new RateLimitFilter(new RateLimitProperties(true, limit(5), limit(5), limit(1)), json);

        login("monitoring");
        assertThat(send(filter, "POST", "/api/messages", "198.51.100.4").getStatus()).isEqualTo(200);
        assertThat(send(filter, "POST", "/api/messages/import", "198.51.100.5").getStatus()).isEqualTo(429);
        login("zags-intake");
        assertThat(send(filter, "POST", "/api/messages", "198.51.100.4").getStatus()).isEqualTo(200);
    }

    @Test
    @DisplayName("0 requests switches a group off; enabled=false switches all off")
    void switchedOff() throws Exception {
        RateLimitFilter groupOff = new RateLimitFilter(new RateLimitProperties(true, limit(0), limit(1), limit(1)), json);
        RateLimitFilter allOff = new RateLimitFilter(new RateLimitProperties(false, limit(1), limit(1), limit(1)), json);

        for (int i = 0; i < 5; i++) {
            assertThat(send(groupOff, "GET", "/registry", "198.51.100.6").getStatus()).isEqualTo(200);
            assertThat(send(allOff, "POST", "/api/integrations/vk/callback", "198.51.100.6").getStatus()).isEqualTo(200);
        }
    }

    @Test
    @DisplayName("a limit without a period, or a negative one, is refused at start-up")
    void invalidSettings() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RateLimitProperties.Limit(5, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RateLimitProperties.Limit(-1, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new RateLimitProperties(true, null, null, null).intake().requests()).isEqualTo(30_000);
    }

    private static void login(String user) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user,
                null, AuthorityUtils.createAuthorityList("ROLE_STAFF")));
    }
}
