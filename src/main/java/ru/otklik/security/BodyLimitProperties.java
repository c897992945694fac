package ru.otklik.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The largest request body the app's API reads ({@code otklik.request-limits.*}); multipart uploads are limited by
 * {@code spring.servlet.multipart.*} instead.
 *
 * @param maxBody the largest body of a request to {@code /api/**} that is not a multipart upload
 */
@ConfigurationProperties("otklik.request-limits")
public record BodyLimitProperties(@DefaultValue("1MB") DataSize maxBody) {

    public BodyLimitProperties {
        if (maxBody.toBytes() <= 0 || maxBody.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("otklik.request-limits.max-body must lie between 1 byte and 2 GB, not "
                    + maxBody);
        }
    }
}
