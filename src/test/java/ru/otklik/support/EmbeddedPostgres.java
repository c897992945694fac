package ru.otklik.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.support.TestPropertySourceUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server (zonky embedded binaries, no Docker) started once per test JVM. Each
 * application context that uses this initializer gets a database of its own on it.
 */
public class EmbeddedPostgres implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
    private static final Deque<ConfigurableApplicationContext> contexts = new ArrayDeque<>();
    private static final AtomicInteger databases = new AtomicInteger();

    public static synchronized io.zonky.test.db.postgres.embedded.EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }

    /** Creates an empty database and returns its JDBC URL. */
    public static String newDatabase() {
        String name = "otklik_" + databases.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return server().getJdbcUrl("postgres", name);
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
                "spring.datasource.url=" + newDatabase(),
                "spring.datasource.username=postgres",
                "spring.datasource.password=postgres",
                "spring.datasource.driver-class-name=org.postgresql.Driver");
        synchronized (EmbeddedPostgres.class) {
            contexts.push(context);
        }
    }

    /** Closes the application contexts on the server, newest first, then stops the server. */
    static synchronized void stop() {
        while (!contexts.isEmpty()) {
            contexts.pop().close();
        }
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                server = null;
            }
        }
    }

    /**
     * Stops the server when the test run ends, before the JVM exits. Left to the shutdown hooks, zonky's stop
     * of the server and Spring's close of the cached contexts run concurrently: with the server gone, the
     * engine's last metrics report on close waits for a connection until the forked JVM is killed.
     */
    public static class Stop implements LauncherSessionListener {

        @Override
        public void launcherSessionClosed(LauncherSession session) {
            stop();
        }
    }
}
