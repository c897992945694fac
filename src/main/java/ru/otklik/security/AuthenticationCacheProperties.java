package ru.otklik.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long successful HTTP Basic logins of the app's API are remembered ({@code otklik.security.authentication-cache.*},
 * see {@link AuthenticationCache}).
 *
 * @param ttl         how long after Camunda accepted a password the same user and password are accepted without
 *                    asking Camunda again; {@code PT0S} asks Camunda on every request
 * @param maximumSize how many users are remembered at once; beyond, the least used are forgotten
 */
@ConfigurationProperties("otklik.security.authentication-cache")
public record AuthenticationCacheProperties(@DefaultValue("PT1M") Duration ttl,
                                            @DefaultValue("1000") long maximumSize) {

    public AuthenticationCacheProperties {
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("otklik.security.authentication-cache.ttl must not be negative, not "
                    + ttl);
        }
        if (maximumSize < 1) {
            throw new IllegalArgumentException("otklik.security.authentication-cache.maximum-size must be positive, not "
                    + maximumSize);
        }
    }
}
