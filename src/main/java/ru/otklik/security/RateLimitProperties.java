package ru.otklik.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Rate limits ({@code otklik.rate-limit.*}): a token bucket per client and group of endpoints; a request over the
 * limit is a 429 with {@code Retry-After}. The public groups count per client address
 * ({@code request.getRemoteAddr()}; behind a reverse proxy set {@code server.forward-headers-strategy=native} so
 * that it is the caller's, not the proxy's), the intake per authenticated user.
 *
 * @param enabled    all limits on or off
 * @param publicData {@code GET /registry}, {@code /api/registry/**}, {@code /api/working-time/**}, per address
 * @param vkCallback {@code POST /api/integrations/vk/callback}, per address
 * @param intake     {@code POST /api/messages} and {@code POST /api/messages/import}, per user
 */
@ConfigurationProperties("otklik.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
                                  Limit publicData, Limit vkCallback, Limit intake) {

    /** Defaults for groups left out of the settings; application.yml states the same values. */
    public RateLimitProperties {
        publicData = publicData != null ? publicData : new Limit(600, Duration.ofMinutes(1));
        vkCallback = vkCallback != null ? vkCallback : new Limit(1200, Duration.ofMinutes(1));
        intake = intake != null ? intake : new Limit(30_000, Duration.ofMinutes(1));
    }

    /**
     * At most {@code requests} per {@code period}; the allowance is renewed whole when the period ends.
     * {@code requests = 0} switches the group off.
     */
    public record Limit(int requests, Duration period) {

        public Limit {
            if (requests < 0) {
                throw new IllegalArgumentException("otklik.rate-limit.*.requests must not be negative, not " + requests);
            }
            if (period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("otklik.rate-limit.*.period must be positive, not " + period);
            }
        }

        boolean off() {
            return requests == 0;
        }
    }
}
