package ru.otklik.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;

/**
 * Security headers of every answer, on top of Spring Security's defaults ({@code X-Content-Type-Options: nosniff},
 * {@code Cache-Control: no-store}, HSTS over HTTPS). A page that sets its own, stricter Content-Security-Policy
 * (the public registry, the absence and moderation pages) keeps it: the default below is written only where none
 * is set. The Camunda webapps under {@code /camunda/} send their own policy with a script nonce
 * ({@code camunda.bpm.webapp.header-security}), so the default is not added there.
 */
final class SecurityHeaders {

    /** The app's own pages and API: own scripts and styles only, inline styles allowed, no frames, no plugins. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";
    /** No powerful browser features are used by any page. */
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    private SecurityHeaders() {
    }

    /** The app's API and staff pages: never framed. */
    static void api(HeadersConfigurer<HttpSecurity> headers) {
        common(headers);
        headers.frameOptions(frame -> frame.deny())
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY));
    }

    /** Everything else, including the Camunda webapps, which frame their own pages. */
    static void web(HeadersConfigurer<HttpSecurity> headers) {
        common(headers);
        headers.frameOptions(frame -> frame.sameOrigin())
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        new NegatedRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**")),
                        new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)));
    }

    private static void common(HeadersConfigurer<HttpSecurity> headers) {
        headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY));
    }
}
