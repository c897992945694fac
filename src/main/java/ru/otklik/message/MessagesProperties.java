package ru.otklik.message;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the message procedure ({@code otklik.messages.*}).
 *
 * @param warningShare the share of a step's working time after which whoever holds the task is warned that
 *                     the deadline is near (MSG-24); 0.75 warns when three quarters are used up
 * @param repeatWindow how far back (calendar time) an earlier case of the same author, network and topic makes
 *                     a new message a suspected repeat (MSG-20); the specialist confirms or rejects the match
 */
@ConfigurationProperties("otklik.messages")
public record MessagesProperties(@DefaultValue("0.75") double warningShare,
                                 @DefaultValue("P30D") java.time.Duration repeatWindow) {

    public MessagesProperties {
        if (repeatWindow == null || repeatWindow.isNegative() || repeatWindow.isZero()) {
            throw new IllegalArgumentException("otklik.messages.repeat-window must be positive, not " + repeatWindow);
        }
        if (!(warningShare > 0 && warningShare < 1)) {
            throw new IllegalArgumentException("otklik.messages.warning-share must lie strictly between 0 and 1, not "
                    + warningShare);
        }
    }
}
