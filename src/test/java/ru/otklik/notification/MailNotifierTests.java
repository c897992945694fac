package ru.otklik.notification;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.MailException;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The mail channel without Spring: templates, recipients, escaping, SMTP failure, mail off. */
class MailNotifierTests {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    /** A directory: users with addresses, a group of two. */
    private static final Map<String, String> USERS = Map.of(
            "zags-coordinator", "zags-coordinator@otklik.example",
            "zags-head", "zags-head@otklik.example",
            "zags-specialist", "zags-specialist@otklik.example",
            "no-mail", "");
    private static final Map<String, Set<String>> GROUPS = Map.of(
            "zags-leaders", Set.of("zags-coordinator", "zags-head"));

    private static final RecipientResolver DIRECTORY = (users, groups) -> {
        Set<String> addresses = new TreeSet<>();
        users.forEach(u -> addresses.add(USERS.getOrDefault(u, "")));
        groups.forEach(g -> GROUPS.getOrDefault(g, Set.of()).forEach(u -> addresses.add(USERS.get(u))));
        addresses.remove("");
        return addresses;
    };

    private final MailTemplates templates = new MailTemplates("https://otklik.test/");

    private MailNotifier notifier(int port) {
        return new MailNotifier(MailTesting.sender(port), templates, DIRECTORY, "otklik@otklik.test");
    }

    @Test
    void elevatedImportanceGoesToTheGroupMembersInRussian() throws Exception {
        Notification n = new Notification("zags", NotificationKind.ELEVATED_IMPORTANCE, 42L, null,
                Set.of("zags-specialist"), Set.of("zags-leaders"), "Сообщение zags-2026-000042",
                "Жалоба на работу ЗАГС: очередь более трёх часов.");

        assertThat(notifier(smtp.getSmtp().getPort()).deliver(n)).isEqualTo(MailNotifier.Outcome.SENT);

        MimeMessage[] received = smtp.getReceivedMessages();
        // One copy per recipient, all of the same mail.
        assertThat(received).hasSize(3);
        MimeMessage mail = received[0];
        assertThat(Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).map(Address::toString))
                .containsExactlyInAnyOrder("zags-coordinator@otklik.example", "zags-head@otklik.example",
                        "zags-specialist@otklik.example");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("otklik@otklik.test");
        assertThat(mail.getSubject())
                .isEqualTo("Отклик: сообщение повышенной важности — Сообщение zags-2026-000042");
        String html = MailTesting.part(mail, "text/html");
        assertThat(html).contains("Поступило сообщение повышенной важности")
                .contains("Жалоба на работу ЗАГС: очередь более трёх часов.")
                .contains("№ 42")
                .contains("https://otklik.test/camunda/app/tasklist/");
        String text = MailTesting.part(mail, "text/plain");
        assertThat(text).contains("Жалоба на работу ЗАГС").contains("Сообщение в реестре: № 42")
                .doesNotContain("<");
    }

    @Test
    void everyKindHasItsTemplateAndATaskLink() {
        for (NotificationKind kind : NotificationKind.values()) {
            Notification n = new Notification("zags", kind, null, "task-1", Set.of("zags-head"), Set.of(),
                    "Этап «Ответ»", "Срок: 01.12.2026 18:00.");
            MailTemplates.Rendered mail = templates.render(n);
            assertThat(mail.subject()).startsWith("Отклик: ").endsWith("— Этап «Ответ»");
            assertThat(mail.html()).contains("https://otklik.test/camunda/app/tasklist/default/#/?task=task-1")
                    .contains(kind.title());
            assertThat(mail.text()).contains("Задача в Tasklist: https://otklik.test/camunda/app/tasklist/default/#/?task=task-1");
        }
    }

    @Test
    void citizenTextIsEscaped() throws Exception {
        String hostile = "<script>alert('x')</script><img src=x onerror=alert(1)> & «текст»";
        Notification n = new Notification("zags", NotificationKind.DEADLINE_BREACHED, 7L, null,
                Set.of("zags-head"), Set.of(), "Тема <b>жирная</b>", hostile);

        notifier(smtp.getSmtp().getPort()).deliver(n);

        MimeMessage mail = smtp.getReceivedMessages()[0];
        String html = MailTesting.part(mail, "text/html");
        assertThat(html).doesNotContain("<script>").doesNotContain("<img").doesNotContain("<b>жирная")
                .contains("&lt;script&gt;").contains("&lt;b&gt;жирная&lt;/b&gt;").contains("&amp; «текст»");
        // The subject is plain text: shown as written, not as markup entities.
        assertThat(mail.getSubject()).isEqualTo("Отклик: срок нарушен — Тема <b>жирная</b>");
    }

    @Test
    void smtpDownThrowsAndNothingIsSent() throws Exception {
        Notification n = new Notification("zags", NotificationKind.DEADLINE_WARNING, null, null,
                Set.of("zags-head"), Set.of(), "Срок истекает", "Осталось 2 часа.");
        MailNotifier down = notifier(MailTesting.closedPort());

        assertThatThrownBy(() -> down.deliver(n)).isInstanceOf(MailException.class);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void noMailWithoutHostOrAddresses() {
        Notification n = new Notification("zags", NotificationKind.DEADLINE_WARNING, null, null,
                Set.of("no-mail"), Set.of(), "Срок истекает", "Осталось 2 часа.");
        MailNotifier off = new MailNotifier(null, templates, DIRECTORY, "otklik@otklik.test");

        assertThat(off.enabled()).isFalse();
        assertThat(off.deliver(n)).isEqualTo(MailNotifier.Outcome.OFF);
        assertThat(notifier(smtp.getSmtp().getPort()).deliver(n)).isEqualTo(MailNotifier.Outcome.NO_ADDRESS);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }
}
