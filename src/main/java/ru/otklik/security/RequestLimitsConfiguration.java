package ru.otklik.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The body size limit of the API, before authentication (an oversized body is refused unread), and the rate
 * limits, after it (the intake is counted per user).
 */
@Configuration(proxyBeanMethods = false)
class RequestLimitsConfiguration {

    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimit(BodyLimitProperties properties, ObjectMapper json) {
        FilterRegistrationBean<BodyLimitFilter> registration =
                new FilterRegistrationBean<>(new BodyLimitFilter(properties, json));
        registration.setName("otklik-body-limit");
        registration.addUrlPatterns("/api/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }

    @Bean
    RateLimitFilter rateLimitFilter(RateLimitProperties properties, ObjectMapper json) {
        return new RateLimitFilter(properties, json);
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimit(RateLimitFilter filter) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("otklik-rate-limit");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
