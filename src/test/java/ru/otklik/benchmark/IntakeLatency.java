package ru.otklik.benchmark;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.otklik.message.CaseStarter;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Intake latency: {@code POST /api/messages} over HTTP at a fixed arrival rate (open loop: a request is sent on
 * schedule whether or not earlier ones were answered, and its latency counts from when it was due to be
 * sent, so a stalled server is not hidden), each a new message, as the {@code monitoring} user. Rates 50 and
 * 200 per second for {@code -Dotklik.benchmark.seconds} (default 60) each, after a 10-second warm-up at 50/s;
 * reports p50, p90, p99 and max, and checks every request was answered 201 and stored once.
 * <p>
 * {@code -Dotklik.benchmark.intake=async} sends {@code Prefer: respond-async}: each message is registered and
 * answered 202, and its case is started afterwards by {@link CaseStarter}. The benchmark then starts the queued
 * cases itself (the job executor is off in tests) and reports how fast that went.
 */
abstract class IntakeLatency {

    private static final int[] RATES = {50, 200};
    private static final String AUTHORIZATION = "Basic "
            + Base64.getEncoder().encodeToString("monitoring:demo".getBytes(StandardCharsets.UTF_8));

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CaseStarter starter;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(8)).build();
    private final AtomicLong sequence = new AtomicLong();

    abstract String database();

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void intakeLatency() throws InterruptedException {
        int seconds = BenchmarkResults.intProperty("otklik.benchmark.seconds", 60);
        boolean async = "async".equals(System.getProperty("otklik.benchmark.intake", "sync"));
        String run = Long.toString(System.currentTimeMillis(), 36);
        Integer before = jdbc.queryForObject("select count(*) from message", Integer.class);
        Phase warmUp = phase(run, 50, 10, async);

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("database", database());
        figures.put("intake", async ? "async (Prefer: respond-async, 202)" : "sync (201)");
        figures.put("secondsPerRate", seconds);
        figures.put("warmUp", warmUp.figures());
        List<Phase> phases = new ArrayList<>();
        for (int rate : RATES) {
            phases.add(phase(run, rate, seconds, async));
        }
        figures.put("rates", phases.stream().map(Phase::figures).toList());
        if (async) {
            long queued = starter.pending();
            long started = System.nanoTime();
            int cases = 0;
            // until nothing is due: a start that failed waits minutes for its retry, and the check below reports it
            int batch;
            do {
                batch = starter.startPending(Duration.ofMinutes(1));
                cases += batch;
            } while (batch > 0);
            double elapsed = (System.nanoTime() - started) / 1e9;
            figures.put("queuedCases", queued);
            figures.put("casesStartedAfterwards", cases);
            figures.put("caseStartsPerSecond", Math.round(cases / elapsed * 10) / 10.0);
        }
        BenchmarkResults.write("intake-latency-" + database() + (async ? "-async" : ""), figures);

        long created = warmUp.created() + phases.stream().mapToLong(Phase::created).sum();
        Integer after = jdbc.queryForObject("select count(*) from message", Integer.class);
        assertThat(after - before).as("every message answered 201 stored once").isEqualTo(created);
        if (async) {
            assertThat(jdbc.queryForObject("select count(*) from message where external_id like ? "
                    + "and process_instance_id is not null", Long.class, "latency-" + run + "-%"))
                    .as("every message accepted with 202 has its case").isEqualTo(created);
        }
        for (Phase phase : List.of(warmUp, phases.get(0), phases.get(1))) {
            assertThat(phase.created()).as("answered 201 at %s/s: others %s", phase.rate(), phase.otherStatuses())
                    .isEqualTo(phase.sent());
        }
    }

    private record Phase(int rate, long sent, long created, Map<Integer, Integer> otherStatuses, Histogram latency,
                         double seconds) {

        Map<String, Object> figures() {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("ratePerSecond", rate);
            figures.put("requests", sent);
            figures.put("created201", created);
            figures.put("otherStatuses", otherStatuses);
            figures.put("achievedPerSecond", Math.round(sent / seconds * 10) / 10.0);
            figures.put("latencyMillisP50", latency.getValueAtPercentile(50) / 1000.0);
            figures.put("latencyMillisP90", latency.getValueAtPercentile(90) / 1000.0);
            figures.put("latencyMillisP99", latency.getValueAtPercentile(99) / 1000.0);
            figures.put("latencyMillisMax", latency.getMaxValue() / 1000.0);
            return figures;
        }
    }

    private Phase phase(String run, int rate, int seconds, boolean async) throws InterruptedException {
        // auto-resizing: a stalled server may answer minutes after a request was due
        ConcurrentHistogram latency = new ConcurrentHistogram(3);
        AtomicInteger created = new AtomicInteger();
        Map<Integer, Integer> others = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> pending = java.util.Collections.synchronizedList(new ArrayList<>());
        long total = (long) rate * seconds;
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        AtomicLong issued = new AtomicLong();
        scheduler.scheduleAtFixedRate(() -> {
            long index = issued.getAndIncrement();
            if (index >= total) {
                return;
            }
            long intended = start + index * periodNanos;
            pending.add(http.sendAsync(request(run, async), HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
                latency.recordValue(Math.max(0, (System.nanoTime() - intended) / 1000));
                if (error == null && response.statusCode() == (async ? 202 : 201)) {
                    created.incrementAndGet();
                } else {
                    others.merge(error == null ? response.statusCode() : -1, 1, Integer::sum);
                }
                return null;
            }));
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        while (issued.get() < total) {
            Thread.sleep(100);
        }
        scheduler.shutdownNow();
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Phase(rate, total, created.get(), Map.copyOf(others), latency, elapsed);
    }

    private HttpRequest request(String run, boolean async) {
        long n = sequence.incrementAndGet();
        String body = """
                {"org":"zags","network":"TELEGRAM","externalId":"latency-%s-%d","url":"https://t.me/kuzbass_chat/%s%d",
                 "authorName":"Читатель %d","authorId":"tg-%s-%d","text":"Когда починят дорогу на улице Весенней?",
                 "topic":"Дороги","location":"Кемерово"}""".formatted(run, n, run, n, n, run, n);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/messages"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", AUTHORIZATION)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (async) {
            builder.header("Prefer", "respond-async");
        }
        return builder.build();
    }
}
