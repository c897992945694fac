package ru.otklik.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code lb} service of {@code docker-compose.yml} outside Docker: the distribution's nginx running the
 * repository's {@code docker/nginx.conf}, changed only where Docker's network differs. Each upstream's
 * {@code server app:8080 …} becomes one {@code server 127.0.0.1:<port> …} per node with the same parameters, in
 * the order given, and {@code listen 8080} a free port on the loopback. The file is a {@code conf.d} fragment, so a
 * main configuration includes it with the pid file, logs and temporary files in the work folder; nginx runs in the
 * foreground as a child of the test JVM. Every answer names the nodes nginx tried in the header
 * {@value #UPSTREAM_HEADER} ({@code $upstream_addr}).
 */
final class LoadBalancer implements AutoCloseable {

    static final Path NGINX = Path.of(System.getProperty("otklik.nginx.binary", "/usr/sbin/nginx"));
    static final Path CONFIGURATION = Path.of("docker", "nginx.conf");
    static final String UPSTREAM_HEADER = "X-Upstream";

    private final List<ClusterNode> nodes;
    private final int port;
    private final int maxFails;
    private final Path folder;
    private final Process process;

    private LoadBalancer(List<ClusterNode> nodes, int port, int maxFails, Path folder, Process process) {
        this.nodes = nodes;
        this.port = port;
        this.maxFails = maxFails;
        this.folder = folder;
        this.process = process;
    }

    /** Starts nginx in front of {@code nodes}, its files in {@code <workFolder>/nginx}, and waits until it listens. */
    static LoadBalancer start(Path workFolder, List<ClusterNode> nodes, Duration timeout) {
        assertThat(Files.isExecutable(NGINX))
                .as("nginx is needed to run %s (%s): apt-get install nginx", CONFIGURATION, NGINX)
                .isTrue();
        Path folder = workFolder.resolve("nginx").toAbsolutePath();
        int port = ClusterDatabase.freePort();
        Process process;
        int maxFails;
        try {
            String original = Files.readString(CONFIGURATION);
            Matcher parameters = Pattern.compile("server app:8080[^;]*max_fails=(\\d+)").matcher(original);
            // nginx's default is 1
            maxFails = parameters.find() ? Integer.parseInt(parameters.group(1)) : 1;
            Files.createDirectories(folder.resolve("temp"));
            // nginx appends; a new run starts new logs, as the nodes do
            Files.deleteIfExists(folder.resolve("access.log"));
            Files.deleteIfExists(folder.resolve("error.log"));
            Files.writeString(folder.resolve("default.conf"), fragment(original, nodes, port));
            Files.writeString(folder.resolve("nginx.conf"), mainConfiguration(folder));
            process = new ProcessBuilder(NGINX.toString(), "-p", folder + "/",
                    "-e", folder.resolve("error.log").toString(), "-c", folder.resolve("nginx.conf").toString())
                    .redirectErrorStream(true).redirectOutput(folder.resolve("nginx.out").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LoadBalancer balancer = new LoadBalancer(nodes, port, maxFails, folder, process);
        try {
            balancer.awaitListening(timeout);
        } catch (RuntimeException e) {
            balancer.close();
            throw e;
        }
        return balancer;
    }

    /** {@code docker/nginx.conf} with the nodes' addresses (in each upstream) and the port of this machine. */
    static String fragment(String configuration, List<ClusterNode> nodes, int port) {
        String upstreams = replace(configuration, "^(\\s*)server app:8080\\b([^;]*);", false, server -> nodes.stream()
                .map(node -> server.group(1) + "server 127.0.0.1:" + node.port() + server.group(2) + ";")
                .collect(Collectors.joining("\n")));
        return replace(upstreams, "^(\\s*)listen 8080;", true,
                listen -> listen.group(1) + "listen 127.0.0.1:" + port + ";");
    }

    /** Replaces every line matching {@code regex}: at least one, or exactly one when {@code once}. */
    private static String replace(String text, String regex, boolean once, Function<MatchResult, String> replacement) {
        Matcher matcher = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        long found = matcher.results().count();
        if (found == 0 || once && found > 1) {
            throw new IllegalStateException(CONFIGURATION + " has " + found + " lines matching " + regex
                    + (once ? " instead of one" : " instead of one or more") + ": adapt "
                    + LoadBalancer.class.getSimpleName() + ".fragment");
        }
        return matcher.replaceAll(match -> Matcher.quoteReplacement(replacement.apply(match)));
    }

    private static String mainConfiguration(Path folder) {
        String temp = folder.resolve("temp").toString();
        return String.join("\n",
                "daemon off;",
                // as root, nginx would run its workers as nobody, who may not write the temporary files here
                "root".equals(System.getProperty("user.name")) ? "user root;" : "",
                "pid " + folder.resolve("nginx.pid") + ";",
                "error_log " + folder.resolve("error.log") + " notice;",
                "events {}",
                "http {",
                "    access_log " + folder.resolve("access.log") + ";",
                Arrays.stream(new String[]{"client_body", "proxy", "fastcgi", "uwsgi", "scgi"})
                        .map(kind -> "    " + kind + "_temp_path " + temp + "/" + kind + ";")
                        .collect(Collectors.joining("\n")),
                // inherited by the fragment's location, which adds no header of its own
                "    add_header " + UPSTREAM_HEADER + " $upstream_addr always;",
                "    include " + folder.resolve("default.conf") + ";",
                "}",
                "");
    }

    private void awaitListening(Duration timeout) {
        long giveUpAt = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - giveUpAt < 0) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited with " + process.exitValue() + "; " + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
                return;
            } catch (IOException notYet) {
                ClusterNode.pause(Duration.ofMillis(100));
            }
        }
        throw new IllegalStateException("nginx did not listen on " + port + " within " + timeout + "; " + log());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** {@code max_fails} of the upstream's servers in {@code docker/nginx.conf}. */
    int maxFails() {
        return maxFails;
    }

    /** The names of the nodes nginx tried for {@code response}, in order; the last one answered. */
    List<String> servedBy(HttpResponse<?> response) {
        String tried = response.headers().firstValue(UPSTREAM_HEADER)
                .orElseThrow(() -> new AssertionError("no " + UPSTREAM_HEADER + " header: " + response));
        return Arrays.stream(tried.split(",\\s*"))
                .map(address -> nodes.stream().filter(node -> address.equals("127.0.0.1:" + node.port()))
                        .map(ClusterNode::name).findFirst().orElse(address))
                .toList();
    }

    /** A fast shutdown (SIGTERM); the files stay in the work folder. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private String log() {
        try {
            return "nginx's output and " + folder.resolve("error.log") + ":\n"
                    + Files.readString(folder.resolve("nginx.out")) + readIfExists(folder.resolve("error.log"));
        } catch (IOException e) {
            return "no output of nginx in " + folder;
        }
    }

    private static String readIfExists(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
