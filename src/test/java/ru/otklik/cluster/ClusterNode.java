package ru.otklik.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One application node: {@code ru.otklik.OtklikApplication} in a JVM of its own, as in production, in the
 * {@code postgres} profile (plus {@code demo} for the users) on a {@link ClusterDatabase}. The classpath is the
 * test JVM's without the test classes, so the node runs the production classes and configuration only. Its
 * output goes to {@code <name>.log} in the work folder.
 */
final class ClusterNode implements AutoCloseable {

    static final String ADMIN_USER = "cluster-admin";
    static final String ADMIN_PASSWORD = "cluster-admin-password";

    private final String name;
    private final int port;
    private final Path log;
    private final List<String> command;
    private final Map<String, String> environment;
    private Process process;

    private ClusterNode(String name, int port, Path log, List<String> command, Map<String, String> environment) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.command = command;
        this.environment = environment;
    }

    /**
     * A node (not started yet) named {@code name}, which is also its Camunda host name in the job log.
     *
     * @param settings Spring Boot settings, e.g. {@code camunda.bpm.job-execution.lock-time-in-millis}
     */
    static ClusterNode of(String name, ClusterDatabase database, Path workFolder, Map<String, String> settings) {
        int port = ClusterDatabase.freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:+UseSerialGC",
                "-cp", applicationClasspath(),
                "ru.otklik.OtklikApplication",
                "--server.port=" + port,
                "--spring.profiles.active=postgres,demo",
                "--camunda.bpm.generic-properties.properties.hostname=" + name,
                "--camunda.bpm.job-execution.deployment-aware=false",
                "--logging.level.root=warn",
                "--logging.level.ru.otklik=info",
                "--logging.level.org.springframework.boot.web.embedded.tomcat=info"));
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        Map<String, String> environment = Map.of(
                "OTKLIK_DB_URL", database.jdbcUrl(),
                "OTKLIK_DB_USER", "postgres",
                "OTKLIK_DB_PASSWORD", "postgres",
                "OTKLIK_ADMIN_USER", ADMIN_USER,
                "OTKLIK_ADMIN_PASSWORD", ADMIN_PASSWORD);
        return new ClusterNode(name, port, workFolder.resolve(name + ".log"), command, environment);
    }

    /** Starts the JVM (again, after {@link #kill()}, on the same port) and waits until it answers. */
    ClusterNode start(Duration timeout) {
        try {
            Files.createDirectories(log.getParent());
            // a restart continues the log of the first start
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(process == null ? ProcessBuilder.Redirect.to(log.toFile())
                            : ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            awaitHealthy(timeout);
        } catch (RuntimeException e) {
            kill();
            throw e;
        }
        return this;
    }

    private void awaitHealthy(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(5)).build();
        long giveUpAt = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - giveUpAt < 0) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; " + tail());
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause(Duration.ofMillis(500));
        }
        throw new IllegalStateException(name + " did not become healthy within " + timeout + "; " + tail());
    }

    String name() {
        return name;
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    int port() {
        return port;
    }

    /** CPU time the node's JVM has used so far, for the figures of the tests. */
    Duration cpuTime() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** {@code kill -9}: no shutdown hook runs, open transactions and locks stay as they are in the database. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code kill -STOP}: the node stops dead in its tracks, holding whatever it holds. */
    void freeze() {
        signal("STOP");
    }

    /** {@code kill -CONT} after {@link #freeze()}. */
    void thaw() {
        signal("CONT");
    }

    private void signal(String signal) {
        try {
            int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed: " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A graceful stop, as at the end of the tests. */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return "last lines of " + log + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40),
                    lines.size()));
        } catch (IOException e) {
            return "no log " + log;
        }
    }

    /** The test JVM's classpath without the test classes and resources. */
    private static String applicationClasspath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
