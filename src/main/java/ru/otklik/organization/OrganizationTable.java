package ru.otklik.organization;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the {@code organization} table equal to the policy files, so registries can refer to it. */
@Component
@Order(-10)
class OrganizationTable implements ApplicationRunner {

    private final OrganizationPolicies policies;
    private final JdbcClient jdbc;

    OrganizationTable(OrganizationPolicies policies, JdbcClient jdbc) {
        this.policies = policies;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (OrganizationPolicy p : policies.all()) {
            int updated = jdbc.sql("UPDATE organization SET short_name = ?, name = ?, time_zone = ? WHERE id = ?")
                    .params(p.shortName(), p.name(), p.schedule().zone(), p.id()).update();
            if (updated == 0) {
                jdbc.sql("INSERT INTO organization (id, short_name, name, time_zone) VALUES (?, ?, ?, ?)")
                        .params(p.id(), p.shortName(), p.name(), p.schedule().zone()).update();
            }
        }
    }
}
