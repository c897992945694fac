package ru.otklik.message;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * MSG-8: starts the cases of messages registered without one yet ({@link CaseQueue}: import rows, reports made with
 * {@code Prefer: respond-async}), in the background on every node whose Camunda job executor runs
 * ({@code camunda.bpm.job-execution.enabled}). Each start is one transaction with the message's removal from the
 * queue; two nodes never start a message twice, nor wait for each other (one passes over the message the other is
 * starting, {@link CaseQueue#take}). A start that fails is rolled back and tried again after a pause that grows
 * with the attempts, up to an hour, so an accepted message always gets its case; the routing and answer deadlines
 * count from the detection, not from the start.
 * <p>
 * A node starts cases on {@code otklik.case-starts.threads} threads (default 2): the scheduler's, and the others
 * from a pool of this starter's. They share each batch of due messages, so a burst of {@code respond-async}
 * reports gets its cases as fast as the node's processors and database allow rather than one at a time.
 */
@Component
public class CaseStarter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CaseStarter.class);

    static final int BATCH = 100;
    static final Duration SLICE = Duration.ofSeconds(30);
    static final Duration MAX_PAUSE = Duration.ofHours(1);

    private final CaseQueue queue;
    private final MessageRegistry registry;
    private final MessageProcess process;
    private final TransactionTemplate transaction;
    private final boolean enabled;
    private final int threads;
    /** The threads besides the caller's; none with one thread. */
    private final ExecutorService helpers;

    CaseStarter(CaseQueue queue, MessageRegistry registry, MessageProcess process,
                PlatformTransactionManager transactions,
                @Value("${camunda.bpm.job-execution.enabled:true}") boolean enabled,
                @Value("${otklik.case-starts.threads:2}") int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("otklik.case-starts.threads must be at least 1, not " + threads);
        }
        this.queue = queue;
        this.registry = registry;
        this.process = process;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.enabled = enabled;
        this.threads = threads;
        this.helpers = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, daemons());
    }

    /** A start cut short by the node's shutdown is rolled back, and the message stays queued. */
    private static CustomizableThreadFactory daemons() {
        CustomizableThreadFactory factory = new CustomizableThreadFactory("case-start-");
        factory.setDaemon(true);
        return factory;
    }

    @Scheduled(fixedDelayString = "${otklik.case-starts.poll:PT1S}", initialDelayString = "PT10S")
    void poll() {
        if (enabled) {
            startPending(SLICE);
        }
    }

    /**
     * Starts the due cases, oldest first, on the node's threads, for about {@code slice}.
     * @return how many were started
     */
    public int startPending(Duration slice) {
        long deadline = System.nanoTime() + slice.toNanos();
        int started = 0;
        while (before(deadline)) {
            List<CaseQueue.Queued> due = queue.due(now(), BATCH);
            if (due.isEmpty()) {
                return started;
            }
            int batch = startAll(due, deadline);
            started += batch;
            if (batch == 0) {
                // all passed over (other nodes are starting them) or failed: the next poll looks again
                return started;
            }
        }
        return started;
    }

    /** The threads share the batch: each takes the next message no thread has taken yet. */
    private int startAll(List<CaseQueue.Queued> due, long deadline) {
        Queue<CaseQueue.Queued> batch = new ConcurrentLinkedQueue<>(due);
        List<Future<Integer>> others = new ArrayList<>();
        for (int t = 1; t < threads; t++) {
            others.add(helpers.submit(() -> startEach(batch, deadline)));
        }
        int started = startEach(batch, deadline);
        for (Future<Integer> other : others) {
            try {
                started += other.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("A case start thread failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                others.forEach(f -> f.cancel(true));
                return started;
            }
        }
        return started;
    }

    private int startEach(Queue<CaseQueue.Queued> batch, long deadline) {
        int started = 0;
        CaseQueue.Queued queued;
        while (before(deadline) && (queued = batch.poll()) != null) {
            if (start(queued)) {
                started++;
            }
        }
        return started;
    }

    private static boolean before(long deadline) {
        return System.nanoTime() - deadline < 0;
    }

    /** The number of messages waiting for their case. */
    public long pending() {
        return queue.size();
    }

    private boolean start(CaseQueue.Queued queued) {
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> {
                if (!queue.take(queued.messageId())) {
                    return false;
                }
                MessageEntry entry = registry.find(queued.messageId()).orElseThrow();
                if (entry.processInstanceId() == null) {
                    MessageEntry started = process.start(entry, queued.repeatOf());
                    log.info("Message {}: case {} started", started.businessKey(), started.processInstanceId());
                }
                return true;
            }));
        } catch (RuntimeException e) {
            Duration pause = Duration.ofMinutes(1L << Math.min(queued.attempts(), 6));
            Instant next = now().plus(pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause);
            log.warn("Case of message {} not started (attempt {}), tried again at {}", queued.messageId(),
                    queued.attempts() + 1, next, e);
            transaction.executeWithoutResult(status -> queue.failed(queued.messageId(), String.valueOf(e.getMessage()),
                    next));
            return false;
        }
    }

    @Override
    public void destroy() {
        if (helpers != null) {
            helpers.shutdownNow();
        }
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
