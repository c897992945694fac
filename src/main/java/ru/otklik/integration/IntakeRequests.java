package ru.otklik.integration;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import ru.otklik.message.MessageRequest;
import ru.otklik.organization.Network;
import ru.otklik.web.InvalidFieldException;

import java.time.OffsetDateTime;
import java.util.Comparator;

/**
 * The connectors' way into the intake of {@code POST /api/messages}: the one place they build a
 * {@link MessageRequest}, and the check of its annotations, which the REST endpoint runs with {@code @Valid}
 * and a connector must run itself (the intake service adds its own checks).
 */
public final class IntakeRequests {

    private IntakeRequests() {
    }

    /** A detected message; the options a monitoring system may add (repeatOf, inReplyTo) stay empty. */
    public static MessageRequest of(String org, Network network, String externalId, String url, String authorName,
                                    String authorId, String text, OffsetDateTime postedAt, OffsetDateTime detectedAt,
                                    String topic, String location) {
        return new MessageRequest(org, network, externalId, url, authorName, authorId, text, postedAt, detectedAt,
                topic, location, null, null);
    }

    /** @throws InvalidFieldException naming the first invalid field (alphabetically, so the answer is stable) */
    public static void validate(Validator validator, MessageRequest request) {
        validator.validate(request).stream()
                .min(Comparator.comparing((ConstraintViolation<MessageRequest> v) -> v.getPropertyPath().toString()))
                .ifPresent(v -> {
                    throw new InvalidFieldException(v.getPropertyPath().toString(), v.getMessage());
                });
    }
}
