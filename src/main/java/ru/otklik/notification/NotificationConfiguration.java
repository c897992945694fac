package ru.otklik.notification;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires the notification channels. Spring Boot creates the {@link JavaMailSender} only when
 * {@code spring.mail.host} is set (and {@link MailOffWhenNoHost} removes it when the value is empty); without it
 * mail is off and notifications are only logged and stored (mail status {@link MailStatus#NOT_SENT}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class NotificationConfiguration {

    @Bean
    static MailOffWhenNoHost mailOffWhenNoHost() {
        return new MailOffWhenNoHost();
    }

    @Bean
    MailNotifier mailNotifier(ObjectProvider<JavaMailSender> sender, IdentityService identity,
                              @Value("${otklik.mail.from:otklik@localhost}") String from,
                              @Value("${otklik.mail.base-url:http://localhost:8080}") String baseUrl) {
        return new MailNotifier(sender.getIfAvailable(), new MailTemplates(baseUrl), new IdentityRecipients(identity),
                from);
    }

    @Bean
    MailDelivery mailDelivery(TasklistNotifier store, MailNotifier mail, JdbcClient jdbc,
                              PlatformTransactionManager transactions) {
        return new MailDelivery(store, mail, jdbc, transactions);
    }

    @Bean
    @Primary
    CompositeNotifier compositeNotifier(TasklistNotifier record, MailDelivery mail) {
        return new CompositeNotifier(record, mail);
    }
}
