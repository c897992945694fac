package ru.otklik.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
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

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camunda's homogeneous cluster: two application nodes, each a JVM of its own with its job executor, on one
 * PostgreSQL. Nothing is shared but the database; the job executors compete for the same jobs, and a job is
 * locked by one node for {@link #LOCK_TIME} at a time.
 *
 * <p>The messages are reported as detected 20 days ago, so that both routing timers of each case (warning and
 * breach of the 25 working minutes, MSG-8, MSG-24) are due at once: the nodes run in real time and cannot share a
 * controlled clock.
 *
 * <p>The load balancer of {@code docker-compose.yml}, nginx with {@code docker/nginx.conf} ({@link LoadBalancer}),
 * runs in front of the two nodes: requests reach them, a Tasklist login stays on its node, a large upload passes,
 * and when node-a has been killed a GET goes on to node-b.
 */
@Tag("cluster")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Two nodes on one PostgreSQL")
class TwoNodeClusterTests {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int MESSAGES = Integer.getInteger("otklik.cluster.messages", 1_000);
    static final Duration LOCK_TIME = Duration.ofSeconds(20);
    /** Generous: on a busy build machine a start takes minutes. */
    static final Duration START_TIMEOUT = Duration.ofMinutes(8);
    static final Map<String, String> JOB_EXECUTOR = Map.of(
            "camunda.bpm.job-execution.enabled", "true",
            "camunda.bpm.job-execution.lock-time-in-millis", Long.toString(LOCK_TIME.toMillis()),
            "camunda.bpm.job-execution.wait-time-in-millis", "500",
            "camunda.bpm.job-execution.max-wait", "2000");

    Path work;
    ClusterDatabase database;
    ClusterNode nodeA;
    ClusterNode nodeB;
    /** Started by the first test that needs it, so that a machine without nginx still runs the others. */
    LoadBalancer loadBalancer;
    JdbcTemplate jdbc;
    final IntakeClient client = new IntakeClient();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    void startCluster() {
        work = ClusterDatabase.workFolder("two-nodes");
        database = ClusterDatabase.create(work);
        jdbc = database.jdbc();
        // One after the other: the first start creates the schema and the directory
        nodeA = ClusterNode.of("node-a", database, work, JOB_EXECUTOR);
        nodeB = ClusterNode.of("node-b", database, work, JOB_EXECUTOR);
        nodeA.start(START_TIMEOUT);
        nodeB.start(START_TIMEOUT);
    }

    @AfterAll
    void stopCluster() {
        for (AutoCloseable closeable : new AutoCloseable[]{loadBalancer, nodeA, nodeB, database}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // the next one must still be closed
            }
        }
    }

    @Test
    @Order(1)
    @DisplayName("MSG-8, MSG-24, MSG-27: messages spread over both nodes → every due timer fires exactly once, on both nodes, one warning and one violation per message")
    void dueTimersFireOnceAcrossTheNodes() throws Exception {
        Duration cpuBefore = nodeA.cpuTime().plus(nodeB.cpuTime());
        long started = System.nanoTime();
        List<IntakeClient.Answer> answers = report("spread-", MESSAGES, List.of(nodeA, nodeB), 16);
        long reported = System.nanoTime();

        assertThat(answers).extracting(IntakeClient.Answer::status).containsOnly(201);
        CaseRecords cases = new CaseRecords(jdbc, "spread-");
        awaitRoutingTimersDone(cases, Duration.ofMinutes(4));
        long done = System.nanoTime();

        cases.assertRoutingTimersFiredOnce(MESSAGES);
        Map<String, Long> byHost = cases.routingSuccesses().stream()
                .collect(Collectors.groupingBy(s -> String.valueOf(s.get("host")), TreeMap::new, Collectors.counting()));
        assertThat(byHost.keySet()).as("hosts that ran routing timers").containsExactly("node-a", "node-b");
        System.out.printf("Cluster: %d messages reported over 2 nodes in %.1f s; %d routing timer jobs done %.1f s"
                        + " later; jobs per host %s; failed attempts retried %d; CPU of both nodes %.1f s%n", MESSAGES,
                seconds(reported - started), 2 * MESSAGES, seconds(done - reported), byHost,
                cases.failedRoutingAttempts(), seconds(nodeA.cpuTime().plus(nodeB.cpuTime()).minus(cpuBefore).toNanos()));
    }

    @Test
    @Order(2)
    @DisplayName("Load balancer (docker/nginx.conf) in front of both nodes → the intake answers 201 and the public registry page 200 through it; the APIs' requests of one client are shared by both nodes")
    void requestsReachTheNodesThroughTheLoadBalancer() throws Exception {
        LoadBalancer balancer = loadBalancer();

        IntakeClient.Answer answer = client.post(balancer.uri("/api/messages"),
                IntakeClient.message("zags", "lb-1", null));
        HttpResponse<String> registry = get(http, "/registry");

        assertThat(answer.status()).as("intake through nginx: %s", answer.body()).isEqualTo(201);
        assertThat(new CaseRecords(jdbc, "lb-").messages()).as("messages registered").isEqualTo(1);
        assertThat(registry.statusCode()).as("public registry page through nginx").isEqualTo(200);
        assertThat(balancer.servedBy(registry)).as("nodes tried").hasSize(1);

        // /api is stateless (HTTP Basic): one client address's requests go to both nodes (least_conn), not to one
        Set<String> apiNodes = new TreeSet<>();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> accounts = get(http, "/api/registry/accounts");
            assertThat(accounts.statusCode()).as("GET /api/registry/accounts through nginx").isEqualTo(200);
            List<String> tried = balancer.servedBy(accounts);
            apiNodes.add(tried.get(tried.size() - 1));
        }
        assertThat(apiNodes).as("nodes that answered the API").containsExactly("node-a", "node-b");
    }

    @Test
    @Order(3)
    @DisplayName("Load balancer: a Tasklist login keeps its session, every request of the client's address goes to the node that served the login (ip_hash)")
    void loadBalancerKeepsATasklistLoginOnItsNode() throws Exception {
        LoadBalancer balancer = loadBalancer();
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
        List<HttpResponse<String>> answers = new ArrayList<>();

        // the webapps' CSRF filter hands out its token on a GET first
        answers.add(get(browser, "/camunda/app/tasklist/default/"));
        String token = answers.get(0).headers().firstValue("X-XSRF-TOKEN").orElse("");
        answers.add(browser.send(HttpRequest.newBuilder(
                        balancer.uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("username=zags-specialist&password=demo")).build(),
                HttpResponse.BodyHandlers.ofString()));
        for (int i = 0; i < 5; i++) {
            answers.add(get(browser, "/camunda/api/admin/auth/user/default"));
        }

        assertThat(answers.get(1).statusCode()).as("login: %s", answers.get(1).body()).isEqualTo(200);
        for (HttpResponse<String> me : answers.subList(2, answers.size())) {
            assertThat(me.statusCode()).as("the logged-in user: %s", me.body()).isEqualTo(200);
            assertThat(JSON.readTree(me.body()).path("userId").asText()).isEqualTo("zags-specialist");
        }
        assertThat(answers.stream().map(balancer::servedBy).collect(Collectors.toSet()))
                .as("nodes that served the login and the requests after it").hasSize(1);
    }

    @Test
    @Order(4)
    @DisplayName("Load balancer: uploads pass nginx (client_max_body_size 64m, nginx's default is 1 MB) and are answered by the app, a file over 50 MB with its 413 naming the field")
    void largeUploadPassesTheLoadBalancer() throws Exception {
        // 5 MB of CSV with an unknown column: the app reads it all and refuses it (400 naming file), storing nothing
        HttpResponse<String> refused = upload(5);
        assertThat(refused.statusCode()).as("5 MB through nginx: %s", refused.body()).isEqualTo(400);
        assertThat(refused.body()).as("the app's answer").contains("\"field\":\"file\"");

        // over the app's 50 MB (spring.servlet.multipart): its own 413, not nginx's page
        HttpResponse<String> tooLarge = upload(51);
        assertThat(tooLarge.statusCode()).as("51 MB through nginx: %s", tooLarge.body()).isEqualTo(413);
        assertThat(tooLarge.body()).as("the app's answer").contains("\"field\":\"file\"");
    }

    /** A CSV of {@code megabytes} MB (UTF-8) with an unknown column, uploaded to the import through the balancer. */
    private HttpResponse<String> upload(int megabytes) throws Exception {
        StringBuilder csv = new StringBuilder("org,network,externalId,text,no_such_column\n");
        long bytes = csv.length();
        for (int row = 0; bytes < megabytes * 1024L * 1024L; row++) {
            String line = "zags,VK,lb-upload-" + row + ",Когда откроют запись?,x\n";
            csv.append(line);
            bytes += line.getBytes(UTF_8).length;
        }
        String boundary = "LoadBalancerBoundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return http.send(HttpRequest.newBuilder(loadBalancer().uri("/api/messages/import"))
                .header("Authorization", IntakeClient.AUTHORIZATION)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(5)
    @DisplayName("Node killed (kill -9) while holding locked jobs → the survivor runs them after their lock expires, once")
    void survivorRunsTheJobsOfAKilledNode() throws Exception {
        String lockOwnerA = lockOwnerOf();
        ExecutorService burst = Executors.newSingleThreadExecutor();
        Future<List<IntakeClient.Answer>> answers = burst.submit(() -> report("kill-", 300, List.of(nodeB), 8));

        Map<String, Timestamp> heldByA = Map.of();
        for (int attempt = 0; attempt < 50 && heldByA.isEmpty(); attempt++) {
            awaitThat(() -> !lockedBy(lockOwnerA).isEmpty(), Duration.ofSeconds(60), "node-a holds locked jobs");
            nodeA.freeze();
            heldByA = lockedBy(lockOwnerA);
            if (heldByA.isEmpty()) {
                nodeA.thaw();
            }
        }
        nodeA.kill();
        long killed = System.nanoTime();
        assertThat(heldByA).as("jobs locked by node-a when it was killed").isNotEmpty();

        assertThat(answers.get()).extracting(IntakeClient.Answer::status).containsOnly(201);
        burst.shutdown();
        CaseRecords cases = new CaseRecords(jdbc, "kill-");
        awaitRoutingTimersDone(cases, LOCK_TIME.plus(Duration.ofMinutes(2)));

        Set<String> held = heldByA.keySet();
        awaitThat(() -> held.stream().allMatch(job -> !successfulRuns(job).isEmpty()),
                LOCK_TIME.plus(Duration.ofMinutes(1)), "every job node-a held has run");
        for (Map.Entry<String, Timestamp> job : heldByA.entrySet()) {
            List<Map<String, Object>> runs = successfulRuns(job.getKey());
            assertThat(runs).as("successful runs of job %s", job.getKey()).hasSize(1);
            assertThat(runs.get(0).get("host")).as("host of job %s", job.getKey()).isEqualTo("node-b");
            assertThat((Timestamp) runs.get(0).get("at")).as("run of job %s", job.getKey())
                    .isAfterOrEqualTo(job.getValue());
        }
        cases.assertRoutingTimersFiredOnce(300);
        new CaseRecords(jdbc, "owner-").assertRoutingTimersFiredOnce(30);
        System.out.printf("Cluster: node-a killed holding %d locked jobs (lock time %d s); all run once by node-b,"
                + " checked %.1f s after the kill%n", heldByA.size(), LOCK_TIME.toSeconds(),
                seconds(System.nanoTime() - killed));
    }

    @Test
    @Order(6)
    @DisplayName("Load balancer: the node the client's address sticks to is gone (node-a, killed above) → a GET goes on to node-b without an error; after max_fails failures node-a is left out")
    void loadBalancerFailsOverToTheOtherNode() throws Exception {
        LoadBalancer balancer = loadBalancer();
        List<List<String>> tried = new ArrayList<>();

        for (int i = 0; i <= balancer.maxFails(); i++) {
            HttpResponse<String> registry = get(http, "/registry");
            assertThat(registry.statusCode()).as("GET /registry number %d after node-a was killed", i + 1)
                    .isEqualTo(200);
            tried.add(balancer.servedBy(registry));
        }

        // ip_hash sends every 127.0.0.x client to the first server line, node-a
        assertThat(tried.subList(0, balancer.maxFails())).as("nodes tried, until max_fails")
                .containsOnly(List.of("node-a", "node-b"));
        assertThat(tried.get(balancer.maxFails())).as("nodes tried after max_fails").containsExactly("node-b");
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(loadBalancer().uri(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private LoadBalancer loadBalancer() {
        if (loadBalancer == null) {
            loadBalancer = LoadBalancer.start(work, List.of(nodeA, nodeB), Duration.ofSeconds(30));
        }
        return loadBalancer;
    }

    /**
     * Node A's lock owner (a random id of its job executor): node B is frozen, so that every job locked after B's
     * locks could have expired is A's; then B goes on.
     */
    private String lockOwnerOf() throws Exception {
        nodeB.freeze();
        try {
            Timestamp afterB = new Timestamp(System.currentTimeMillis() + LOCK_TIME.toMillis() + 1_000);
            report("owner-", 30, List.of(nodeA), 4);
            String[] owner = new String[1];
            awaitThat(() -> {
                List<String> owners = jdbc.queryForList("SELECT DISTINCT LOCK_OWNER_ FROM ACT_RU_JOB"
                        + " WHERE LOCK_EXP_TIME_ > ?", String.class, afterB);
                owner[0] = owners.isEmpty() ? null : owners.get(0);
                return owners.size() == 1;
            }, Duration.ofSeconds(60), "node-a locks jobs while node-b is frozen");
            return owner[0];
        } finally {
            nodeB.thaw();
        }
    }

    /** Successful executions of a job (any job, not only routing timers): host name and time. */
    private List<Map<String, Object>> successfulRuns(String job) {
        return jdbc.queryForList("SELECT HOSTNAME_ AS host, TIMESTAMP_ AS at FROM ACT_HI_JOB_LOG"
                + " WHERE JOB_ID_ = ? AND JOB_STATE_ = 2", job);
    }

    /** Jobs with an unexpired lock of {@code owner}, with the lock's expiry. */
    private Map<String, Timestamp> lockedBy(String owner) {
        Map<String, Timestamp> locked = new TreeMap<>();
        jdbc.query("SELECT ID_, LOCK_EXP_TIME_ FROM ACT_RU_JOB WHERE LOCK_OWNER_ = ? AND LOCK_EXP_TIME_ > ?",
                rs -> {
                    locked.put(rs.getString(1), rs.getTimestamp(2));
                }, owner, new Timestamp(System.currentTimeMillis()));
        return locked;
    }

    /** Reports {@code count} messages detected 20 days ago, round robin over {@code nodes} and the organizations. */
    private List<IntakeClient.Answer> report(String prefix, int count, List<ClusterNode> nodes, int concurrency)
            throws Exception {
        OffsetDateTime detected = OffsetDateTime.now(ZoneOffset.ofHours(7)).minusDays(20);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<IntakeClient.Answer>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ClusterNode node = nodes.get(i % nodes.size());
                Map<String, Object> message = IntakeClient.message(IntakeClient.ORGANIZATIONS[i % 5], prefix + i, detected);
                futures.add(pool.submit(() -> client.post(node, message)));
            }
            List<IntakeClient.Answer> answers = new ArrayList<>();
            for (Future<IntakeClient.Answer> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }

    private static void awaitRoutingTimersDone(CaseRecords cases, Duration timeout) {
        awaitThat(() -> {
            assertThat(cases.incidents()).as("incidents").isZero();
            return cases.routingJobsLeft() == 0;
        }, timeout, "every routing timer job has run");
    }

    static void awaitThat(BooleanSupplier condition, Duration timeout, String what) {
        long giveUpAt = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - giveUpAt > 0) {
                throw new AssertionError("Not within " + timeout + ": " + what);
            }
            ClusterNode.pause(Duration.ofMillis(250));
        }
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
