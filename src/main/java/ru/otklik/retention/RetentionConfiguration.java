package ru.otklik.retention;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The lock that keeps the anonymisation to one node at a time: ShedLock's row in table {@code shedlock}, timed
 * by the database's clock so that the nodes' clocks need not agree. Scheduled and API runs take the same lock.
 */
@Configuration(proxyBeanMethods = false)
class RetentionConfiguration {

    @Bean
    LockingTaskExecutor retentionLocks(JdbcTemplate jdbc) {
        return new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(jdbc)
                .usingDbTime()
                .build()));
    }
}
