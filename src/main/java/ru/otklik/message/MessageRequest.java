package ru.otklik.message;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import ru.otklik.organization.Network;

import java.time.OffsetDateTime;

/**
 * The body of {@code POST /api/messages}: a message a monitoring system or a specialist detected (MSG-8).
 * The annotations check the shape; {@link MessageIntakeService} adds the checks that need more than one
 * field or the clock (an identifier present, an absolute http(s) URL, no detection in the future).
 * Unknown properties are rejected (see {@link MessageController.StrictIntakeJson}).
 *
 * @param org        tenant id of the organization the message concerns
 * @param externalId the network's own id of the post or comment; with {@code network} and {@code org} it
 *                   identifies the message (idempotency)
 * @param url        link to the post or comment; identifies the message within {@code org} as well
 * @param postedAt   when the author posted it, if known
 * @param detectedAt when it was detected (MSG-8); defaults to the time of the request
 * @param repeatOf   optional: the business key of an earlier case of the organization this message repeats
 *                   (MSG-20); the case then goes to the department that handled it
 * @param inReplyTo  optional: the business key of a case awaiting the author's reply to its clarification request
 *                   (MSG-6, MSG-13); the post is then that reply, not a new message, and starts the case's next
 *                   answer round (200 with the case's entry)
 */
public record MessageRequest(
        @NotBlank(message = "обязательное поле")
        @Size(max = 64, message = "не длиннее {max} символов")
        String org,

        @NotNull(message = "обязательное поле; допустимо: VK, OK, TELEGRAM, TWITTER, INSTAGRAM, FACEBOOK, BLOG, OTHER")
        Network network,

        @Size(max = MessageRequest.EXTERNAL_ID_MAX, message = "не длиннее {max} символов")
        String externalId,

        @Size(max = MessageRequest.URL_MAX, message = "не длиннее {max} символов")
        String url,

        @Size(max = MessageRequest.NAME_MAX, message = "не длиннее {max} символов")
        String authorName,

        @Size(max = MessageRequest.EXTERNAL_ID_MAX, message = "не длиннее {max} символов")
        String authorId,

        @NotBlank(message = "обязательное поле: текст сообщения")
        @Size(max = MessageRequest.TEXT_MAX, message = "не длиннее {max} символов")
        String text,

        OffsetDateTime postedAt,

        OffsetDateTime detectedAt,

        @Size(max = MessageRequest.NAME_MAX, message = "не длиннее {max} символов")
        String topic,

        @Size(max = MessageRequest.NAME_MAX, message = "не длиннее {max} символов")
        String location,

        @Size(max = 64, message = "не длиннее {max} символов")
        String repeatOf,

        @Size(max = 64, message = "не длиннее {max} символов")
        String inReplyTo) {

    /** The JSON body binds to all components. */
    @com.fasterxml.jackson.annotation.JsonCreator(mode = com.fasterxml.jackson.annotation.JsonCreator.Mode.PROPERTIES)
    public MessageRequest {
    }

    /** A detected message, possibly a repeat of an earlier case (MSG-20). */
    public MessageRequest(String org, Network network, String externalId, String url, String authorName,
                          String authorId, String text, OffsetDateTime postedAt, OffsetDateTime detectedAt,
                          String topic, String location, String repeatOf) {
        this(org, network, externalId, url, authorName, authorId, text, postedAt, detectedAt, topic, location,
                repeatOf, null);
    }

    /** A detected message without references to earlier cases. */
    public MessageRequest(String org, Network network, String externalId, String url, String authorName,
                          String authorId, String text, OffsetDateTime postedAt, OffsetDateTime detectedAt,
                          String topic, String location) {
        this(org, network, externalId, url, authorName, authorId, text, postedAt, detectedAt, topic, location,
                null, null);
    }

    static final int TEXT_MAX = 10_000;
    static final int URL_MAX = 2_000;
    static final int EXTERNAL_ID_MAX = 200;
    /** The registry stores author name, topic and location in 255 characters. */
    static final int NAME_MAX = 255;
}
