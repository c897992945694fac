package ru.otklik.benchmark;

import net.ttddyy.dsproxy.QueryCount;
import net.ttddyy.dsproxy.QueryCountHolder;
import net.ttddyy.dsproxy.listener.SingleQueryCountHolder;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;

/**
 * Counts every statement the application sends to the database (datasource-proxy around the one data source,
 * counting over all threads). Imported by the benchmarks only; the test suite runs on the bare data source.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounting {

    /** Statements sent since the last {@link #reset()}, by kind. */
    public record Statements(long total, long select, long insert, long update, long delete, long other) {

        Statements minus(Statements earlier) {
            return new Statements(total - earlier.total, select - earlier.select, insert - earlier.insert,
                    update - earlier.update, delete - earlier.delete, other - earlier.other);
        }
    }

    public static Statements now() {
        QueryCount count = QueryCountHolder.getGrandTotal();
        return new Statements(count.getTotal(), count.getSelect(), count.getInsert(), count.getUpdate(),
                count.getDelete(), count.getOther());
    }

    public static Statements since(Statements earlier) {
        return now().minus(earlier);
    }

    @Bean
    static BeanPostProcessor statementCountingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
                    return ProxyDataSourceBuilder.create(dataSource).name(beanName)
                            .countQuery(new SingleQueryCountHolder()).build();
                }
                return bean;
            }
        };
    }
}
