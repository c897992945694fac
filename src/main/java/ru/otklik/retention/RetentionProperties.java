package ru.otklik.retention;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Period;

/**
 * Settings of the retention of authors' personal data ({@code otklik.retention.*}). The nightly schedule,
 * {@code otklik.retention.schedule}, is read by {@link RetentionSchedule}.
 *
 * @param authorData how long after its case ended a message keeps its author's data (name, id, text, link);
 *                   counted back from the run in the Kuzbass zone
 * @param batchSize  messages updated per transaction
 */
@ConfigurationProperties("otklik.retention")
public record RetentionProperties(@DefaultValue("P3Y") Period authorData,
                                  @DefaultValue("200") int batchSize) {

    public RetentionProperties {
        if (authorData == null || authorData.isNegative() || authorData.isZero()) {
            throw new IllegalArgumentException("otklik.retention.author-data must be positive, not " + authorData);
        }
        if (batchSize < 1 || batchSize > 1000) {
            throw new IllegalArgumentException("otklik.retention.batch-size must lie in 1…1000, not " + batchSize);
        }
    }
}
