package ru.otklik.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;

/**
 * Token buckets per client and group (Bucket4j), held in a bounded cache so that a flood of distinct addresses
 * cannot exhaust memory: an idle client's bucket is dropped after a period, when it would be full again anyway.
 * A bucket is refilled whole at the end of each period: at most {@code requests} per period, counted from the
 * client's first request.
 */
class RateLimiter {

    /** How many clients are remembered at once; beyond, the least recently seen are forgotten. */
    static final long MAX_CLIENTS = 100_000;

    private final Cache<String, Bucket> buckets;

    RateLimiter(Duration longestPeriod) {
        this.buckets = Caffeine.newBuilder().maximumSize(MAX_CLIENTS).expireAfterAccess(longestPeriod).build();
    }

    /**
     * Takes one token of the client's bucket of the group.
     *
     * @return zero when the request may proceed, otherwise how long until a token is free again
     */
    Duration acquire(String group, String client, RateLimitProperties.Limit limit) {
        Bucket bucket = buckets.get(group + '\n' + client, key -> Bucket.builder()
                .addLimit(l -> l.capacity(limit.requests()).refillIntervally(limit.requests(), limit.period()))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }
}
