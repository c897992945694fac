package ru.otklik.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Successful HTTP Basic logins of the app's API, remembered for {@link AuthenticationCacheProperties#ttl()} after
 * Camunda accepted them, so that a client sending the same credentials many times a second (a monitoring system)
 * costs Camunda's password check and the group and tenant queries once per period instead of on every request.
 * One entry per user: the {@link Staff} and a SHA-256 digest of the accepted password, salted with a random value of
 * this cache, never the password itself. Another password of the user does not match the entry.
 */
@Component
class AuthenticationCache {

    private final Cache<String, Entry> entries;
    private final byte[] salt = new byte[16];

    @Autowired
    AuthenticationCache(AuthenticationCacheProperties properties) {
        this(properties, Ticker.systemTicker());
    }

    AuthenticationCache(AuthenticationCacheProperties properties, Ticker ticker) {
        new SecureRandom().nextBytes(salt);
        this.entries = properties.ttl().isZero() ? null : Caffeine.newBuilder()
                .maximumSize(properties.maximumSize())
                .expireAfterWrite(properties.ttl())
                .ticker(ticker)
                .build();
    }

    /** The staff of the user if Camunda accepted this very password within the time to live. */
    Optional<Staff> find(String userId, String password) {
        Entry entry = entries == null ? null : entries.getIfPresent(userId);
        return entry != null && MessageDigest.isEqual(entry.digest(), digest(password))
                ? Optional.of(entry.staff()) : Optional.empty();
    }

    void remember(String userId, String password, Staff staff) {
        if (entries != null) {
            entries.put(userId, new Entry(digest(password), staff));
        }
    }

    /**
     * Forgets the user after a wrong password: the next login, right or wrong, goes to Camunda again, which holds
     * the user back after failed attempts — otherwise the cache would accept a right guess during that time.
     */
    void forget(String userId) {
        if (entries != null) {
            entries.invalidate(userId);
        }
    }

    void clear() {
        if (entries != null) {
            entries.invalidateAll();
        }
    }

    private byte[] digest(String password) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            return sha256.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    private record Entry(byte[] digest, Staff staff) {
    }
}
