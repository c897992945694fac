package ru.otklik.message;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the message procedure ({@code otklik.messages.*}).
 *
 * @param warningShare the share of a step's working time after which whoever holds the task is warned that
 *                     the deadline is near (MSG-24); 0.75 warns when three quarters are used up
 */
@ConfigurationProperties("otklik.messages")
public record MessagesProperties(@DefaultValue("0.75") double warningShare) {

    public MessagesProperties {
        if (!(warningShare > 0 && warningShare < 1)) {
            throw new IllegalArgumentException("otklik.messages.warning-share must lie strictly between 0 and 1, not "
                    + warningShare);
        }
    }
}
