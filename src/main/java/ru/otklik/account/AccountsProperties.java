package ru.otklik.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Period;

/**
 * Settings of the registry of accounts ({@code otklik.accounts.*}).
 *
 * @param securityReviewCycle   ACC-3: how often every active account is reviewed, an ISO-8601 repeating interval
 *                              ({@code R/P3M}: quarterly from the deployment of the diagram) or a cron expression
 *                              ({@code 0 0 9 1 1,4,7,10 ?}: 09:00 on the first day of each quarter). Read by the
 *                              timer start event of {@code AccountSecurityReview} when the diagram is deployed.
 * @param credentialRotationMaxAge ACC-3: a review finds the credentials stale when they were last changed longer
 *                              ago than this (the acts fix no period; the system's default is 90 days)
 */
@ConfigurationProperties("otklik.accounts")
public record AccountsProperties(@DefaultValue("R/P3M") String securityReviewCycle,
                                 @DefaultValue("P90D") Period credentialRotationMaxAge) {

    public AccountsProperties {
        if (securityReviewCycle == null || securityReviewCycle.isBlank()) {
            throw new IllegalArgumentException("otklik.accounts.security-review-cycle must not be blank");
        }
        if (credentialRotationMaxAge == null || credentialRotationMaxAge.isNegative() || credentialRotationMaxAge.isZero()) {
            throw new IllegalArgumentException("otklik.accounts.credential-rotation-max-age must be positive");
        }
    }
}
