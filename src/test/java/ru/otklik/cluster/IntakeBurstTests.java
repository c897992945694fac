package ru.otklik.cluster;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.otklik.cluster.TwoNodeClusterTests.awaitThat;
import static ru.otklik.cluster.TwoNodeClusterTests.seconds;

/**
 * The intake ({@code POST /api/messages}, MSG-8) of one node on PostgreSQL under a burst of reports, a tenth of
 * them repeated, from 32 clients at once; then the same while the database is stopped and started again, and a
 * node killed after it stored a message but before its client read the answer. Clients retry a connection error
 * or a 5xx with a growing pause, as the README asks of monitoring systems.
 *
 * <p>{@code -Dotklik.large-tests=true} sends the full {@value #LARGE_BURST} reports; by default
 * {@value #DEFAULT_BURST}, which fit the build's time budget on two cores.
 */
@Tag("load")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Intake under load and faults")
class IntakeBurstTests {

    static final int LARGE_BURST = 10_000;
    static final int DEFAULT_BURST = 2_000;
    static final int CLIENTS = 32;
    static final Duration RETRY_BUDGET = Duration.ofMinutes(3);

    ClusterDatabase database;
    ClusterNode node;
    JdbcTemplate jdbc;
    final IntakeClient client = new IntakeClient();

    @BeforeAll
    void startNode() {
        Path work = ClusterDatabase.workFolder("intake");
        database = ClusterDatabase.create(work);
        jdbc = database.jdbc();
        node = ClusterNode.of("intake-node", database, work, Map.of());
        node.start(TwoNodeClusterTests.START_TIMEOUT);
    }

    @AfterAll
    void stop() {
        node.close();
        database.close();
    }

    @Test
    @Order(1)
    @DisplayName("MSG-8: a burst from 32 clients, a tenth repeated → every report 201 or 200, one row and one case per post")
    void burst() throws Exception {
        int requests = Boolean.getBoolean("otklik.large-tests") ? LARGE_BURST : DEFAULT_BURST;
        Burst burst = Burst.of("burst-", requests);

        Duration cpuBefore = node.cpuTime();
        long started = System.nanoTime();
        List<IntakeClient.Answer> answers = send(burst, i -> { });
        long took = System.nanoTime() - started;
        Duration cpu = node.cpuTime().minus(cpuBefore);

        burst.assertAnswered(answers);
        new CaseRecords(jdbc, "burst-").assertOneCasePerMessage(burst.distinct());
        System.out.printf("Intake burst: %d requests (%d distinct posts) from %d clients in %.1f s, %.0f requests/s,"
                        + " node CPU %.1f s (%.0f ms per request); retried %d%n", requests, burst.distinct(), CLIENTS,
                seconds(took), requests / seconds(took), seconds(cpu.toNanos()), cpu.toMillis() / (double) requests,
                answers.stream().mapToInt(a -> a.attempts() - 1).sum());
    }

    @Test
    @Order(2)
    @DisplayName("MSG-8: the database stopped and started again mid-burst → retrying clients succeed, every 201 stored once, nothing half-stored")
    void databaseRestartMidBurst() throws Exception {
        Burst burst = Burst.of("restart-", DEFAULT_BURST / 2);
        AtomicInteger done = new AtomicInteger();
        long[] outage = new long[2];
        ExecutorService fault = Executors.newSingleThreadExecutor();
        Future<?> restart = fault.submit(() -> {
            awaitThat(() -> done.get() >= burst.size() / 3, Duration.ofMinutes(3), "a third of the burst answered");
            outage[0] = System.nanoTime();
            database.stop();
            ClusterNode.pause(Duration.ofSeconds(3));
            database.start();
            outage[1] = System.nanoTime();
        });

        List<IntakeClient.Answer> answers = send(burst, i -> done.incrementAndGet());
        restart.get();
        fault.shutdown();

        burst.assertAnswered(answers);
        int retried = answers.stream().mapToInt(a -> a.attempts() - 1).sum();
        assertThat(retried).as("attempts that met the stopped database and were retried").isPositive();
        new CaseRecords(jdbc, "restart-").assertOneCasePerMessage(burst.distinct());
        System.out.printf("Intake with a database restart: %d requests (%d distinct), database down %.1f s,"
                        + " %d attempts retried, lost 0%n", burst.size(), burst.distinct(),
                seconds(outage[1] - outage[0]), retried);
    }

    @Test
    @Order(3)
    @DisplayName("MSG-8: node killed after storing a message, before its client read the answer → the retry answers 200 with the same entry, one case")
    void crashBetweenStoringAndAnswering() throws Exception {
        Map<String, Object> message = IntakeClient.message("zags", "crash-1", null);
        CaseRecords cases = new CaseRecords(jdbc, "crash-");
        try (Socket socket = new Socket("localhost", node.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(IntakeClient.rawRequest(node, message));
            out.flush();
            // the client never reads the answer: as soon as the registration is committed, the node dies
            awaitThat(() -> cases.messages() == 1, Duration.ofMinutes(1), "the message is stored");
            node.kill();
        }
        String stored = jdbc.queryForObject("SELECT business_key FROM message WHERE external_id = 'crash-1'",
                String.class);

        node.start(TwoNodeClusterTests.START_TIMEOUT);
        IntakeClient.Answer retry = client.postUntilAnswered(node, message, RETRY_BUDGET);

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.businessKey()).isEqualTo(stored);
        cases.assertOneCasePerMessage(1);
    }

    /** Sends the burst from {@link #CLIENTS} threads, each report retried until answered. */
    private List<IntakeClient.Answer> send(Burst burst, IntConsumer answered) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<IntakeClient.Answer>> futures = new ArrayList<>();
            for (int i = 0; i < burst.size(); i++) {
                Map<String, Object> message = burst.message(i);
                int index = i;
                futures.add(clients.submit(() -> {
                    IntakeClient.Answer answer = client.postUntilAnswered(node, message, RETRY_BUDGET);
                    answered.accept(index);
                    return answer;
                }));
            }
            List<IntakeClient.Answer> answers = new ArrayList<>();
            for (Future<IntakeClient.Answer> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            clients.shutdown();
        }
    }

    /**
     * The reports of a burst in random order: nine in ten are posts of their own, one in ten repeats one of
     * them (not necessarily after it).
     */
    record Burst(String prefix, List<Integer> posts) {

        static Burst of(String prefix, int requests) {
            int distinct = requests - requests / 10;
            List<Integer> posts = new ArrayList<>();
            Random random = new Random(requests);
            for (int i = 0; i < requests; i++) {
                posts.add(i < distinct ? i : random.nextInt(distinct));
            }
            Collections.shuffle(posts, random);
            return new Burst(prefix, List.copyOf(posts));
        }

        int size() {
            return posts.size();
        }

        long distinct() {
            return posts.stream().distinct().count();
        }

        Map<String, Object> message(int request) {
            int post = posts.get(request);
            return IntakeClient.message(IntakeClient.ORGANIZATIONS[post % 5], prefix + post, null);
        }

        /** Every report answered 201 or 200; each post created once (one 201), all its answers name one entry. */
        void assertAnswered(List<IntakeClient.Answer> answers) {
            assertThat(answers).extracting(IntakeClient.Answer::status).containsOnly(201, 200);
            Map<Integer, List<IntakeClient.Answer>> byPost = new java.util.HashMap<>();
            for (int i = 0; i < answers.size(); i++) {
                byPost.computeIfAbsent(posts.get(i), p -> new ArrayList<>()).add(answers.get(i));
            }
            assertThat(byPost).hasSize((int) distinct());
            byPost.forEach((post, all) -> {
                assertThat(all.stream().filter(a -> a.status() == 201).count()).as("201s for post %d", post)
                        .isEqualTo(1);
                assertThat(all.stream().map(IntakeClient.Answer::id).collect(Collectors.toSet()))
                        .as("entries named for post %d", post).hasSize(1);
            });
        }
    }
}
