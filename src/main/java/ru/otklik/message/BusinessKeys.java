package ru.otklik.message;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import ru.otklik.organization.OrganizationPolicies;

import java.time.Instant;

/**
 * MSG-8: the registration numbers of messages, counted per organization and year of detection in the
 * organization's time zone: {@code zags-2026-000042}.
 *
 * <p>A number is taken in a short transaction of its own and committed at once, so the organization's counter row
 * is locked for two statements, not until the registration that uses the number commits: messages of one
 * organization reported at the same time register side by side instead of one after another. The price is that
 * a number whose registration then fails (a concurrent report of the same post won, the database went away) is
 * never used; numbers are unique and increasing, not gapless. Take the number outside any other transaction when
 * possible: inside one it needs a second database connection for a moment.
 */
@Service
public class BusinessKeys {

    private final JdbcClient jdbc;
    private final OrganizationPolicies policies;
    private final TransactionTemplate transaction;

    BusinessKeys(JdbcClient jdbc, OrganizationPolicies policies, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The next number of the organization for a message detected at {@code detectedAt}. */
    public String next(String organization, Instant detectedAt) {
        int year = detectedAt.atZone(policies.get(organization).zone()).getYear();
        long number;
        try {
            number = transaction.execute(status -> take(organization, year));
        } catch (DuplicateKeyException concurrentFirst) {
            // another registration opened the year's counter at the same moment and committed it: count on it
            number = transaction.execute(status -> take(organization, year));
        }
        return String.format("%s-%d-%06d", organization, year, number);
    }

    private long take(String organization, int year) {
        int updated = jdbc.sql("UPDATE message_sequence SET last_number = last_number + 1 "
                + "WHERE organization_id = ? AND seq_year = ?").params(organization, year).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO message_sequence (organization_id, seq_year, last_number) VALUES (?, ?, 1)")
                    .params(organization, year).update();
        }
        return jdbc.sql("SELECT last_number FROM message_sequence WHERE organization_id = ? AND seq_year = ?")
                .params(organization, year).query(Long.class).single();
    }
}
