package ru.otklik.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what. The app's API and the actuator use HTTP Basic against the Camunda identity service;
 * the engine REST API authenticates with Camunda's own filter (without it the engine would run every call
 * unauthenticated and skip all authorization checks); the webapps keep their own login and CSRF protection.
 */
@Configuration
class SecurityConfig {

    /** Endpoints that need no login: reference data and the public registry. */
    static final String[] PUBLIC_API = {"/api/working-time/**", "/api/registry/**"};

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
                                    ProblemAuthenticationEntryPoint entryPoint) throws Exception {
        return http
                .securityMatcher("/api/**", "/actuator/**", "/absences/**", "/moderation/**", "/moderation",
                        "/dashboard", "/dashboard/**", "/reports", "/reports/**")
                // this provider alone: without a parent manager holding it again, a wrong password is checked once
                .authenticationManager(new ProviderManager(provider))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, PUBLIC_API).permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/integrations/vk/callback").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless Basic authentication carries no ambient credentials a forged request could use.
                .csrf(csrf -> csrf.disable())
                .headers(SecurityHeaders::api)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                // The Camunda webapps protect themselves (session login, CSRF token filter); /engine-rest uses
                // the engine's authentication filter below.
                .csrf(csrf -> csrf.disable())
                .headers(SecurityHeaders::web)
                .httpBasic(Customizer.withDefaults())
                .build();
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-engine-rest-auth");
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return registration;
    }
}
