package ru.otklik.security;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import ru.otklik.support.OtklikSpringTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The configured limit of the public endpoints, through the application's security and rate-limit filters and
 * controllers, from client addresses of a documentation range that no other test uses.
 */
@OtklikSpringTest
class RateLimitHttpTests {

    private static final String WORKING_TIME =
            "/api/working-time/after?org=zags&from=2026-11-24T10:00:00%2B07:00&duration=PT1H";

    @Autowired
    WebApplicationContext context;
    @Autowired
    @Qualifier("springSecurityFilterChain")
    Filter security;
    @Autowired
    RateLimitFilter rateLimit;
    @Autowired
    RateLimitProperties properties;
    @Autowired
    TestRestTemplate rest;

    private static MockHttpServletRequestBuilder from(String address, String path) {
        return get(java.net.URI.create(path)).with(request -> {
            request.setRemoteAddr(address);
            return request;
        });
    }

    @Test
    @DisplayName("one address gets 429 with Retry-After after the configured number of public requests; others do not")
    void publicLimit() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).addFilters(security, rateLimit).build();
        int allowed = properties.publicData().requests();
        assertThat(allowed).as("the default, generous enough for the test suite").isEqualTo(600);

        for (int i = 0; i < allowed; i++) {
            assertThat(mvc.perform(from("203.0.113.77", i % 2 == 0 ? WORKING_TIME : "/api/registry/accounts?org=zags"))
                    .andReturn().getResponse().getStatus()).as("request " + (i + 1)).isEqualTo(200);
        }
        MvcResult refused = mvc.perform(from("203.0.113.77", "/registry")).andReturn();

        assertThat(refused.getResponse().getStatus()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.getResponse().getHeader("Retry-After"))).isBetween(1, 60);
        assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(refused.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"status\":429", "не более 600 за 60 с");
        assertThat(mvc.perform(from("203.0.113.78", WORKING_TIME)).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        assertThat(rest.getForEntity(java.net.URI.create(rest.getRootUri() + WORKING_TIME), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
