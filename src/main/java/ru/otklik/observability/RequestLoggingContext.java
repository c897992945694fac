package ru.otklik.observability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import ru.otklik.security.Staff;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * MDC of every HTTP request: {@code requestId} (the caller's {@code X-Request-Id} when it is a plain token,
 * else a new one, echoed in the answer) and {@code user} (the authenticated login). Runs right after Spring
 * Security, so the user is known; the engine adds {@code businessKey}, {@code organization} and
 * {@code processInstanceId} while it runs a case's code.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 1)
class RequestLoggingContext extends OncePerRequestFilter {

    static final String HEADER = "X-Request-Id";
    static final String REQUEST_ID = "requestId";
    static final String USER = "user";
    /** A caller's id is taken only if it cannot forge log lines. */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String requestId = given != null && SAFE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        response.setHeader(HEADER, requestId);
        MDC.put(REQUEST_ID, requestId);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            MDC.put(USER, authentication.getPrincipal() instanceof Staff staff ? staff.userId() : authentication.getName());
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(REQUEST_ID);
            MDC.remove(USER);
        }
    }
}
