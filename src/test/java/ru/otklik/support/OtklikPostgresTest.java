package ru.otklik.support;

import org.junit.jupiter.api.Tag;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole application on a real PostgreSQL server (embedded, no Docker). Tagged {@code postgres}: these
 * tests run in a JVM of their own (see the surefire executions in pom.xml), sharing one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@OtklikSpringTest
@ContextConfiguration(initializers = EmbeddedPostgres.class)
@Tag("postgres")
public @interface OtklikPostgresTest {
}
