package ru.otklik.message;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * MSG-8: starts the cases of messages registered without one yet ({@link CaseQueue}: import rows, reports made with
 * {@code Prefer: respond-async}), in the background on every node whose Camunda job executor runs
 * ({@code camunda.bpm.job-execution.enabled}). Each start is one transaction with the message's removal from the
 * queue; two nodes never start a message twice, nor wait for each other (one passes over the message the other is
 * starting, {@link CaseQueue#take}). A start that fails is rolled back and tried again after a pause that grows
 * with the attempts, up to an hour, so an accepted message always gets its case; the routing and answer deadlines
 * count from the detection, not from the start.
 */
@Component
public class CaseStarter {

    private static final Logger log = LoggerFactory.getLogger(CaseStarter.class);

    static final int BATCH = 100;
    static final Duration SLICE = Duration.ofSeconds(30);
    static final Duration MAX_PAUSE = Duration.ofHours(1);

    private final CaseQueue queue;
    private final MessageRegistry registry;
    private final MessageProcess process;
    private final TransactionTemplate transaction;
    private final boolean enabled;

    CaseStarter(CaseQueue queue, MessageRegistry registry, MessageProcess process,
                PlatformTransactionManager transactions,
                @Value("${camunda.bpm.job-execution.enabled:true}") boolean enabled) {
        this.queue = queue;
        this.registry = registry;
        this.process = process;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.enabled = enabled;
    }

    @Scheduled(fixedDelayString = "${otklik.case-starts.poll:PT1S}", initialDelayString = "PT10S")
    void poll() {
        if (enabled) {
            startPending(SLICE);
        }
    }

    /** Starts the due cases, oldest first, for about {@code slice}. @return how many were started */
    public int startPending(Duration slice) {
        long deadline = System.nanoTime() + slice.toNanos();
        int started = 0;
        while (System.nanoTime() - deadline < 0) {
            List<CaseQueue.Queued> due = queue.due(now(), BATCH);
            if (due.isEmpty()) {
                return started;
            }
            int startedBefore = started;
            for (CaseQueue.Queued queued : due) {
                if (start(queued)) {
                    started++;
                }
                if (System.nanoTime() - deadline > 0) {
                    break;
                }
            }
            if (started == startedBefore) {
                // all passed over (other nodes are starting them) or failed: the next poll looks again
                return started;
            }
        }
        return started;
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

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
