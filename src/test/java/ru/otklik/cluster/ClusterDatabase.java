package ru.otklik.cluster;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;

/**
 * One real PostgreSQL server (zonky embedded binaries) on a fixed port and data directory, so that it can be
 * stopped and started again under the feet of running application nodes, as a database restart in production.
 * The nodes connect to its database {@code otklik}.
 */
final class ClusterDatabase implements AutoCloseable {

    static final String DATABASE = "otklik";

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    private ClusterDatabase(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /**
     * The folder of one test class's node logs and database files: {@code target/cluster/<name>} (system
     * property {@code otklik.cluster.work}, set by the surefire execution).
     */
    static Path workFolder(String name) {
        return Path.of(System.getProperty("otklik.cluster.work", "target/cluster")).resolve(name);
    }

    /** A new server on a free port with an empty database {@code otklik}, its files in {@code workFolder}. */
    static ClusterDatabase create(Path workFolder) {
        ClusterDatabase database = new ClusterDatabase(workFolder.resolve("pgdata-" + System.nanoTime()), freePort());
        database.start();
        database.admin().execute("CREATE DATABASE " + DATABASE);
        return database;
    }

    /** Starts the server on the existing data directory and the same port. */
    void start() {
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops the server ({@code pg_ctl stop -m fast}): open transactions are rolled back and every client is
     * disconnected. The data directory stays.
     */
    void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            server = null;
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    /** A fresh connection per statement, so that the checks survive a restart of the server. */
    JdbcTemplate jdbc() {
        return new JdbcTemplate(new DriverManagerDataSource(jdbcUrl(), "postgres", "postgres"));
    }

    private JdbcTemplate admin() {
        return new JdbcTemplate(server.getPostgresDatabase());
    }

    /** Stops the server and deletes its data directory. */
    @Override
    public void close() {
        if (server != null) {
            stop();
        }
        org.springframework.util.FileSystemUtils.deleteRecursively(dataDirectory.toFile());
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
