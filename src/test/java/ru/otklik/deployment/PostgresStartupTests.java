package ru.otklik.deployment;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.otklik.OtklikApplication;
import ru.otklik.support.EmbeddedPostgres;
import ru.otklik.support.OtklikPostgresTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The schema and start-up on a real PostgreSQL server. */
@OtklikPostgresTest
class PostgresStartupTests {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RepositoryService repository;
    @Autowired
    IdentityService identity;

    @Test
    @DisplayName("Flyway migrations and the Camunda schema are created on PostgreSQL")
    void schema() {
        assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM otk_schema_history WHERE success", Integer.class)).isPositive();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM organization", Integer.class)).isEqualTo(5);
        assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM information_schema.tables WHERE table_name = 'act_ru_task'", Integer.class)).isEqualTo(1);
        assertThat(repository.createProcessDefinitionQuery().count()).isPositive();
        assertThat(identity.createTenantQuery().count()).isEqualTo(5);
    }

    @Test
    @DisplayName("the postgres profile refuses to start without a named administrator, saying so")
    void postgresProfileNeedsAdministrator() {
        String url = EmbeddedPostgres.newDatabase();
        assertThatThrownBy(() -> new SpringApplicationBuilder(OtklikApplication.class)
                .profiles("test", "postgres")
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres", "--server.port=0", "--otklik.demo.enabled=false",
                        "--otklik.admin.user=", "--otklik.admin.password=",
                        // a name of its own, so the refused engine does not unregister the shared "default"
                        "--camunda.bpm.process-engine-name=refused").close())
                .hasStackTraceContaining("OTKLIK_ADMIN_USER and OTKLIK_ADMIN_PASSWORD must be set");
    }
}
