package ru.otklik.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Rate limits of the public and intake endpoints (see {@link RateLimitProperties}). Runs after Spring Security, so
 * that the intake is counted per authenticated user; the public endpoints are counted per client address.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimitProperties properties;
    private final RateLimiter limiter;
    private final ObjectMapper json;
    private final List<Group> groups;

    RateLimitFilter(RateLimitProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
        this.groups = List.of(
                new Group("public", RateLimitProperties::publicData, false,
                        get("/registry"), get("/api/registry/**"), get("/api/working-time/**")),
                new Group("vk-callback", RateLimitProperties::vkCallback, false,
                        post("/api/integrations/vk/callback")),
                new Group("intake", RateLimitProperties::intake, true,
                        post("/api/messages"), post("/api/messages/import")));
        Duration longest = Stream.of(properties.publicData(), properties.vkCallback(), properties.intake())
                .map(RateLimitProperties.Limit::period).max(Duration::compareTo).orElseThrow();
        this.limiter = new RateLimiter(longest);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (properties.enabled()) {
            for (Group group : groups) {
                if (!group.matcher.matches(request)) {
                    continue;
                }
                RateLimitProperties.Limit limit = group.limit.apply(properties);
                if (!limit.off()) {
                    Duration wait = limiter.acquire(group.name, client(request, group.perUser), limit);
                    if (!wait.isZero()) {
                        refuse(request, response, limit, wait);
                        return;
                    }
                }
                break;
            }
        }
        chain.doFilter(request, response);
    }

    private static String client(HttpServletRequest request, boolean perUser) {
        if (perUser) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.isAuthenticated()) {
                return "user:" + authentication.getName();
            }
        }
        return "address:" + request.getRemoteAddr();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, RateLimitProperties.Limit limit,
                        Duration wait) throws IOException {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.TOO_MANY_REQUESTS, "Превышен предел запросов",
                "Слишком много запросов: не более " + limit.requests() + " за " + limit.period().toSeconds()
                        + " с. Повторите через " + seconds + " с.");
        problem.setProperty("retryAfter", seconds);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        ProblemResponses.write(json, request, response, problem);
    }

    private static RequestMatcher get(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, pattern);
    }

    private static RequestMatcher post(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, pattern);
    }

    private record Group(String name, Function<RateLimitProperties, RateLimitProperties.Limit> limit, boolean perUser,
                         RequestMatcher matcher) {

        Group(String name, Function<RateLimitProperties, RateLimitProperties.Limit> limit, boolean perUser,
              RequestMatcher... matchers) {
            this(name, limit, perUser, new OrRequestMatcher(matchers));
        }
    }
}
