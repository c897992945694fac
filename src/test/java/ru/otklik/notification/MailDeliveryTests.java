package ru.otklik.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.otklik.organization.Role;
import ru.otklik.support.OtklikSpringTest;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The mail channel against the application's database and directory (demo users). The shared context has
 * mail off; the mail-on parts are built here around a GreenMail server.
 */
@OtklikSpringTest
class MailDeliveryTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    Notifier notifier;
    @Autowired
    TasklistNotifier store;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    private GreenMail smtp;
    private JavaMailSenderImpl sender;
    private MailDelivery delivery;

    @BeforeEach
    void mailOn() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        sender = MailTesting.sender(smtp.getSmtp().getPort());
        MailNotifier mail = new MailNotifier(sender, new MailTemplates("http://localhost:8080"),
                new IdentityRecipients(identity), "otklik@localhost");
        delivery = new MailDelivery(store, mail, jdbc, transactions);
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    private Notification notification(String subject) {
        return new Notification("zags", NotificationKind.DEADLINE_BREACHED, null, null, Set.of("zags-head"),
                Set.of(Role.COORDINATOR.groupId("zags")), subject, "Срок этапа «Ответ» нарушен.");
    }

    private Map<String, Object> row(long id) {
        return jdbc.sql("SELECT mail_status, mail_attempts, mail_next_attempt_at, mail_sent_at, mail_error "
                + "FROM notification WHERE id = ?").param(id).query().singleRow();
    }

    private static Object value(Map<String, Object> row, String column) {
        return row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(column)).findFirst()
                .map(Map.Entry::getValue).orElse(null);
    }

    @Test
    void withoutHostTheApplicationOnlyRecords() {
        assertThat(context.getBeanProvider(JavaMailSender.class).getIfAvailable()).isNull();
        assertThat(context.containsBean("mailHealthContributor")).isFalse();
        assertThat(notifier).isInstanceOf(CompositeNotifier.class);

        notifier.send(notification("Без почты"));

        long id = jdbc.sql("SELECT MAX(id) FROM notification WHERE subject = ?").param("Без почты")
                .query(Long.class).single();
        assertThat(value(row(id), "mail_status")).isEqualTo("NOT_SENT");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void groupsAreExpandedToTheirMembersAddresses() {
        Set<String> addresses = new IdentityRecipients(identity)
                .addresses(Set.of("zags-head"), Set.of(Role.COORDINATOR.groupId("zags")));
        assertThat(addresses).contains("zags-head@otklik.example", "zags-coordinator@otklik.example")
                .doesNotContain("zags-specialist@otklik.example");
    }

    @Test
    void aFailedMailIsRetriedLater() throws Exception {
        long id = store.store(notification("Повтор после сбоя"));
        delivery.markPending(id);
        sender.setPort(MailTesting.closedPort());

        assertThat(delivery.deliver(id)).isEqualTo(MailStatus.FAILED);
        Map<String, Object> failed = row(id);
        assertThat(value(failed, "mail_attempts")).isEqualTo(1);
        assertThat(value(failed, "mail_next_attempt_at")).isNotNull();
        assertThat(value(failed, "mail_error")).isNotNull();

        sender.setPort(smtp.getSmtp().getPort());
        Instant now = ClockUtil.getCurrentTime().toInstant();
        // Not yet due.
        delivery.retryDue(now);
        assertThat(delivery.status(id)).isEqualTo(MailStatus.FAILED);

        delivery.retryDue(now.plus(Duration.ofMinutes(2)));
        assertThat(delivery.status(id)).isEqualTo(MailStatus.SENT);
        assertThat(value(row(id), "mail_sent_at")).isNotNull();
        assertThat(value(row(id), "mail_next_attempt_at")).isNull();
        assertThat(smtp.getReceivedMessages()).isNotEmpty();
        assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("Отклик: срок нарушен — Повтор после сбоя");
    }

    @Test
    void afterTheLastAttemptTheMailStaysFailed() throws Exception {
        long id = store.store(notification("Сбой навсегда"));
        sender.setPort(MailTesting.closedPort());
        Instant now = ClockUtil.getCurrentTime().toInstant();

        delivery.deliver(id);
        for (int i = 0; i < MailDelivery.BACKOFF.size(); i++) {
            now = now.plus(Duration.ofHours(3));
            delivery.retryDue(now);
        }

        Map<String, Object> row = row(id);
        assertThat(value(row, "mail_status")).isEqualTo("FAILED");
        assertThat(value(row, "mail_attempts")).isEqualTo(MailDelivery.BACKOFF.size() + 1);
        assertThat(value(row, "mail_next_attempt_at")).isNull();
        // Given up: later runs leave it alone.
        delivery.retryDue(now.plus(Duration.ofDays(1)));
        assertThat(value(row(id), "mail_attempts")).isEqualTo(MailDelivery.BACKOFF.size() + 1);
    }

    @Test
    void mailGoesOutOnlyAfterTheStepCommits() {
        CompositeNotifier composite = new CompositeNotifier(store, delivery);
        TransactionTemplate tx = new TransactionTemplate(transactions);

        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            composite.send(notification("Откат шага"));
            throw new IllegalStateException("the step fails");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(smtp.getReceivedMessages()).isEmpty();

        Long id = tx.execute(s -> {
            composite.send(notification("Шаг выполнен"));
            long stored = jdbc.sql("SELECT MAX(id) FROM notification WHERE subject = ?").param("Шаг выполнен")
                    .query(Long.class).single();
            assertThat(smtp.getReceivedMessages()).isEmpty();
            return stored;
        });
        assertThat(delivery.status(id)).isEqualTo(MailStatus.SENT);
        assertThat(smtp.getReceivedMessages()).isNotEmpty();
    }

    @Test
    void smtpDownNeverFailsTheStep() throws Exception {
        CompositeNotifier composite = new CompositeNotifier(store, delivery);
        sender.setPort(MailTesting.closedPort());

        Long id = new TransactionTemplate(transactions).execute(s -> {
            composite.send(notification("Почта недоступна"));
            return jdbc.sql("SELECT MAX(id) FROM notification WHERE subject = ?").param("Почта недоступна")
                    .query(Long.class).single();
        });

        assertThat(delivery.status(id)).isEqualTo(MailStatus.FAILED);
    }
}
