package ru.otklik.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import ru.otklik.message.MessageRequest;
import ru.otklik.message.Registration;
import ru.otklik.organization.OrganizationPolicies;
import ru.otklik.organization.UnknownOrganizationException;
import ru.otklik.web.InvalidFieldException;

/**
 * {@code otklik_intake_total{organization,network,outcome}}: every report of a detected message (REST, VK
 * callback, CSV import all go through {@code MessageIntakeService.report}) by its outcome — {@code accepted} (a new
 * entry and case), {@code duplicate} (the post was already in the registry), {@code reply} (the author's reply to
 * a clarification request), {@code refused} (invalid, unknown organization, not allowed) or {@code failed}.
 * Woven around the service, so the intake code itself carries no metrics; an unknown organization is counted
 * as {@code unknown}, so that callers cannot create series at will.
 */
@Aspect
@Component
class IntakeMetrics {

    private final MeterRegistry meters;
    private final OrganizationPolicies policies;

    IntakeMetrics(MeterRegistry meters, OrganizationPolicies policies) {
        this.meters = meters;
        this.policies = policies;
    }

    @Around("execution(public * ru.otklik.message.MessageIntakeService.report*(ru.otklik.message.MessageRequest, ..)) "
            + "&& args(request, ..)")
    Object count(ProceedingJoinPoint call, MessageRequest request) throws Throwable {
        String outcome = "failed";
        try {
            Object result = call.proceed();
            Registration registration = (Registration) result;
            outcome = registration.created() ? "accepted"
                    : request.inReplyTo() != null && !request.inReplyTo().isBlank() ? "reply" : "duplicate";
            return result;
        } catch (InvalidFieldException | UnknownOrganizationException | AccessDeniedException e) {
            outcome = "refused";
            throw e;
        } finally {
            counter(request, outcome).increment();
        }
    }

    private Counter counter(MessageRequest request, String outcome) {
        String org = request.org() == null ? null : request.org().trim();
        return Counter.builder("otklik.intake")
                .description("Reports of detected messages by outcome (MSG-8)")
                .tag("organization", org != null && policies.exists(org) ? org : "unknown")
                .tag("network", request.network() == null ? "unknown" : request.network().name())
                .tag("outcome", outcome)
                .register(meters);
    }
}
