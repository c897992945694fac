package ru.otklik.notification;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Keeps mail off when {@code spring.mail.host} is empty. {@code application.yml} always defines the property
 * ({@code ${OTKLIK_SMTP_HOST:}}), and Spring Boot's condition treats an empty value as set: it would create a
 * mail sender for host "" and a health check that reports it DOWN. This removes both.
 */
class MailOffWhenNoHost implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {

    /** Bean names of Spring Boot's mail sender and its health contributor. */
    static final String[] MAIL_BEANS = {"mailSender", "mailHealthContributor"};

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    static boolean mailOn(Environment environment) {
        return StringUtils.hasText(environment.getProperty("spring.mail.host"))
                || StringUtils.hasText(environment.getProperty("spring.mail.jndi-name"));
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) throws BeansException {
        if (mailOn(environment)) {
            return;
        }
        for (String name : MAIL_BEANS) {
            if (registry.containsBeanDefinition(name)) {
                registry.removeBeanDefinition(name);
            }
        }
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
        // nothing
    }
}
