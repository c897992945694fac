package ru.otklik.content;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * Settings of content ({@code otklik.content.*}).
 *
 * @param approvalOrganizations ACC-15: the organizations whose content is agreed with ЦУР Кузбасса (only the
 *                              ministry of health's act says so: {@code minzdrav})
 */
@ConfigurationProperties("otklik.content")
public record ContentProperties(@DefaultValue("minzdrav") List<String> approvalOrganizations) {

    public ContentProperties {
        approvalOrganizations = approvalOrganizations == null ? List.of() : List.copyOf(approvalOrganizations);
    }
}
