package ru.otklik.support;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole application on a random port with an in-memory H2 database, the demo users and no job
 * executor, with metrics as in production. Tests that share it share one application context: add no
 * other context customization (mocks, properties), since the engine registers itself JVM-wide.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
// Process test coverage for every test in the shared context (reports under target/process-test-coverage).
@Import(ProcessEngineCoverageConfiguration.class)
public @interface OtklikSpringTest {
}
