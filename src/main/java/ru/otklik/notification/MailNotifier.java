package ru.otklik.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The e-mail channel: renders the notification's template and sends one mail to the addresses of its users
 * and of its groups' members. Sends at once and throws on failure ({@link org.springframework.mail.MailException}),
 * so it is not called inside a process step: {@link CompositeNotifier} hands it stored notifications after
 * the transaction commits, and {@link MailDelivery} retries failures.
 */
public class MailNotifier implements Notifier {

    private static final Logger log = LoggerFactory.getLogger(MailNotifier.class);

    /** What happened to a notification. */
    public enum Outcome { SENT, NO_ADDRESS, OFF }

    private final JavaMailSender sender;
    private final MailTemplates templates;
    private final RecipientResolver recipients;
    private final String from;

    /** @param sender null when mail is off ({@code spring.mail.host} empty) */
    public MailNotifier(JavaMailSender sender, MailTemplates templates, RecipientResolver recipients, String from) {
        this.sender = sender;
        this.templates = templates;
        this.recipients = recipients;
        this.from = from;
    }

    public boolean enabled() {
        return sender != null;
    }

    @Override
    public void send(Notification notification) {
        deliver(notification);
    }

    /** Sends the mail now; throws {@link org.springframework.mail.MailException} when it cannot. */
    public Outcome deliver(Notification n) {
        if (sender == null) {
            return Outcome.OFF;
        }
        Set<String> to = recipients.addresses(n.userIds(), n.groupIds());
        if (to.isEmpty()) {
            log.warn("Notification {} '{}': no recipient has an e-mail address", n.kind(), n.subject());
            return Outcome.NO_ADDRESS;
        }
        MailTemplates.Rendered mail = templates.render(n);
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(to.toArray(String[]::new));
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
        } catch (MessagingException e) {
            throw new MailPreparationException(e);
        }
        sender.send(message);
        log.info("Mailed notification {} '{}' to {}", n.kind(), n.subject(), to);
        return Outcome.SENT;
    }
}
