package ru.otklik.organization;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator outside the demo profile. {@code required} is set by the postgres profile:
 * a production database never starts without a named administrator.
 */
@ConfigurationProperties(prefix = "otklik.admin")
public record AdminProperties(String user, String password, boolean required) {

    public boolean configured() {
        return user != null && !user.isBlank() && password != null && !password.isBlank();
    }
}
