package ru.otklik.system;

import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.Flyway;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;

/**
 * Flyway migrations on Camunda's own tables ({@code db/engine}, history in {@code otk_engine_schema_history}), such
 * as an index Camunda does not ship. They run once the engine has created or updated its tables, so after the
 * app's migrations ({@link EngineAfterFlyway}); the first run takes the existing schema as its baseline.
 */
@Component
class EngineTableMigrations {

    EngineTableMigrations(DataSource dataSource, ProcessEngine engineWithItsTables) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/engine")
                .table("otk_engine_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
