package ru.otklik.integration.vk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import ru.otklik.integration.IntakeRequests;
import ru.otklik.integration.SecretCipher;
import ru.otklik.message.MessageIntakeService;
import ru.otklik.message.MessageRequest;
import ru.otklik.message.Registration;
import ru.otklik.organization.Role;
import ru.otklik.security.Staff;
import ru.otklik.web.InvalidFieldException;
import ru.otklik.web.NotFoundException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Set;

/**
 * The VK Callback API (MSG-8): VK pushes a community's events; comments, user posts, board posts and
 * private messages become detected messages through the same intake as {@code POST /api/messages}, with its
 * validation and its deduplication (a resent event finds the message registered by the first delivery).
 *
 * <p>Decisions, in order: a body that is not a JSON object with {@code type} and an integral
 * {@code group_id} is a 400; a community without settings, or that is no longer an active VK account of
 * the organization that configured it, is a 404; {@code confirmation} answers the confirmation string;
 * any other event with a missing or wrong {@code secret} is a 403 (logged without the value); an event of a
 * type we do not handle, or by the community itself, answers {@code ok} without storing anything (VK
 * resends an event until it gets {@code ok}); a supported event answers {@code ok} once its message is
 * committed. Nothing calls VK back: an event costs a few queries and, when new, one intake transaction.
 */
@Service
class VkCallback {

    private static final Logger log = LoggerFactory.getLogger(VkCallback.class);

    static final String OK = "ok";
    static final String CONFIRMATION = "confirmation";
    /** The system principal the intake records as the registering actor. */
    static final String ACTOR = "vk-callback";

    private final VkCommunities communities;
    private final SecretCipher cipher;
    private final MessageIntakeService intake;
    private final Validator validator;
    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    VkCallback(VkCommunities communities, SecretCipher cipher, MessageIntakeService intake, Validator validator) {
        this.communities = communities;
        this.cipher = cipher;
        this.intake = intake;
        this.validator = validator;
    }

    /** What to answer VK with: {@code ok} or the confirmation string. */
    String handle(byte[] body) {
        JsonNode event = parse(body);
        JsonNode typeNode = event.path("type");
        if (!typeNode.isTextual() || typeNode.asText().isBlank()) {
            throw new InvalidFieldException("type", "обязательное поле: тип события");
        }
        // Anyone may post here: the type goes into log lines only in a harmless form.
        String type = typeNode.asText().matches("[a-z_]{1,40}") ? typeNode.asText() : "(invalid)";
        JsonNode groupNode = event.path("group_id");
        if (!groupNode.isIntegralNumber() || !groupNode.canConvertToLong() || groupNode.asLong() <= 0) {
            throw new InvalidFieldException("group_id", "обязательное поле: положительный id сообщества");
        }
        long groupId = groupNode.asLong();
        VkCommunities.Settings settings = communities.find(groupId)
                .filter(s -> communities.activeAccountOrganizations(groupId).contains(s.organization()))
                .orElseThrow(() -> {
                    log.warn("VK callback for community {} refused: not connected or not an active account", groupId);
                    return new NotFoundException("Сообщество " + groupId + " не подключено: оно должно быть "
                            + "действующим аккаунтом ВКонтакте в реестре аккаунтов с настройками Callback API");
                });

        if (CONFIRMATION.equals(type)) {
            log.info("VK community {} ({}) confirmed the callback server", groupId, settings.organization());
            return settings.confirmation();
        }
        requireSecret(event, settings, type);

        if (!VkEvents.SUPPORTED.contains(type)) {
            log.debug("VK event {} of community {} is not handled", type, groupId);
            return OK;
        }
        JsonNode object = event.path("object");
        if (!object.isObject()) {
            throw new InvalidFieldException("object", "обязательное поле: объект события");
        }
        MessageRequest request;
        try {
            request = VkEvents.toRequest(type, object, groupId, settings.organization(), now());
        } catch (VkEvents.MalformedEventException e) {
            log.warn("VK event {} of community {} refused: {}", type, groupId, e.getMessage());
            throw new InvalidFieldException(e.field(), e.getMessage());
        }
        if (request == null) {
            log.debug("VK event {} of community {} is by the community itself: ignored", type, groupId);
            return OK;
        }
        IntakeRequests.validate(validator, request);
        Registration registration = intake.report(request, staff(settings.organization()));
        if (!registration.created()) {
            log.info("VK event {} of community {} resent: message {} is registered already", type, groupId,
                    registration.entry().businessKey());
        }
        return OK;
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidFieldException("body", "пустое тело запроса: ожидается событие Callback API в JSON");
        }
        JsonNode event;
        try {
            event = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidFieldException("body", "тело запроса не является корректным JSON");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (event == null || !event.isObject()) {
            throw new InvalidFieldException("body", "ожидается объект JSON — событие Callback API");
        }
        return event;
    }

    /** Compares in constant time; logs the refusal without the value received. */
    private void requireSecret(JsonNode event, VkCommunities.Settings settings, String type) {
        JsonNode secret = event.path("secret");
        String expected = cipher.decrypt(settings.secretCipher(), VkCommunitySettings.context(settings.groupId()));
        boolean matches = secret.isTextual() && MessageDigest.isEqual(
                secret.asText().getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
        if (!matches) {
            log.warn("VK event {} of community {} refused: secret key {}", type, settings.groupId(),
                    secret.isMissingNode() || secret.isNull() ? "missing" : "does not match");
            throw new VkCallbackRefusedException(settings.groupId());
        }
    }

    private static Staff staff(String organization) {
        return new Staff(ACTOR, Set.of(Role.INTAKE.groupId(organization)), Set.of(organization));
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** An event without the community's secret key. */
    static class VkCallbackRefusedException extends RuntimeException {

        VkCallbackRefusedException(long groupId) {
            super("Событие сообщества " + groupId + " отклонено: секретный ключ отсутствует или неверен");
        }
    }
}
