package ru.otklik.system;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The app's Flyway migrations run before Camunda creates its tables: Flyway refuses (or, with a baseline,
 * silently skips migrations) on a schema that already holds tables but no migration history.
 */
@Configuration(proxyBeanMethods = false)
class EngineAfterFlyway {

    @Bean
    static AbstractDependsOnBeanFactoryPostProcessor processEngineDependsOnFlyway() {
        return new AbstractDependsOnBeanFactoryPostProcessor(ProcessEngine.class, ProcessEngineFactoryBean.class,
                "flywayInitializer") {
        };
    }
}
