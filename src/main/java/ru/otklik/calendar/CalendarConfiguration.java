package ru.otklik.calendar;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The production calendar bean, read once at start-up. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarProperties.class)
class CalendarConfiguration {

    @Bean
    ProductionCalendar productionCalendar(CalendarProperties properties) {
        return ProductionCalendar.load(properties.location());
    }
}
