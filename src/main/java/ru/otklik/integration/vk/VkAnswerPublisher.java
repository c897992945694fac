package ru.otklik.integration.vk;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.otklik.integration.SecretCipher;
import ru.otklik.integration.posting.Answer;
import ru.otklik.integration.posting.AnswerPublisher;
import ru.otklik.integration.posting.Published;
import ru.otklik.integration.posting.PublishingException;
import ru.otklik.organization.Network;

import java.time.Instant;
import java.util.Optional;

/**
 * Posts an approved answer through the VK API (MSG-16): a reply in the thread of the citizen's comment
 * ({@code wall.createComment} with {@code reply_to_comment}), a comment under the citizen's post or board post,
 * or a private message ({@code messages.send}) to the dialog.
 *
 * <p>Never twice: each attempt is recorded before VK is called. An attempt after one whose outcome is unknown
 * (a timeout) first reads the thread or dialog back and records the answer found there instead of posting it
 * again; the deterministic {@code guid} / {@code random_id} makes VK itself drop a repeated call as well.
 */
@Component
class VkAnswerPublisher implements AnswerPublisher {

    private static final Logger log = LoggerFactory.getLogger(VkAnswerPublisher.class);

    private final VkApi api;
    private final VkTokens tokens;
    private final VkPostings postings;

    VkAnswerPublisher(VkApi api, VkTokens tokens, VkPostings postings) {
        this.api = api;
        this.tokens = tokens;
        this.postings = postings;
    }

    @Override
    public Network network() {
        return Network.VK;
    }

    @Override
    public boolean canPublish(Answer answer) {
        return VkTarget.of(answer.externalId())
                .map(target -> tokens.configured(target.groupId(), answer.organization()))
                .orElse(false);
    }

    @Override
    public Published publish(Answer answer) {
        VkTarget target = VkTarget.of(answer.externalId()).orElseThrow(() -> new PublishingException(
                PublishingException.Kind.REFUSED, "Сообщение " + answer.externalId() + " не из ВКонтакте."));
        String token = token(target, answer);
        VkPostings.Posting posting = postings.attempt(answer.postingKey(), answer.messageId(), target.groupId(),
                target.postMethod());
        if (posting.previous() == VkPostings.Status.POSTED) {
            // VK posted it and we recorded that, but the case's transaction was lost afterwards
            return new Published(posting.url(), posting.postedAt());
        }
        try {
            if (posting.previous() == VkPostings.Status.SENDING) {
                Optional<Published> earlier = postedEarlier(target, answer, posting, token);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            JsonNode response = api.call(target.groupId(), target.postMethod(),
                    target.postParams(answer.text(), posting.id()), token);
            long itemId = target.postedId(response);
            if (itemId <= 0) {
                // answered, but not as documented: the answer may be there
                throw new PublishingException(PublishingException.Kind.TEMPORARY, "ВКонтакте не вернул номер "
                        + "размещённого ответа (" + target.postMethod() + ").",
                        new IllegalStateException("No item id in the answer of " + target.postMethod()));
            }
            return record(target, posting, itemId);
        } catch (PublishingException e) {
            postings.failed(posting.id(), e.getMessage(), !VkApi.outcomeUnknown(e));
            throw e;
        }
    }

    /** An earlier call timed out (or its answer was lost): the answer may be in VK already. */
    private Optional<Published> postedEarlier(VkTarget target, Answer answer, VkPostings.Posting posting,
                                              String token) {
        JsonNode items = api.call(target.groupId(), target.lookupMethod(), target.lookupParams(), token);
        Optional<Long> found = target.find(items, answer.text(), posting.id());
        found.ifPresent(id -> log.info("Answer to message {} was posted by an earlier attempt (VK item {}): not "
                + "posted again", answer.messageId(), id));
        return found.map(id -> record(target, posting, id));
    }

    private Published record(VkTarget target, VkPostings.Posting posting, long itemId) {
        String url = target.url(itemId);
        Instant at = ClockUtil.getCurrentTime().toInstant();
        postings.posted(posting.id(), itemId, url, at);
        return new Published(url, at);
    }

    private String token(VkTarget target, Answer answer) {
        try {
            return tokens.find(target.groupId(), answer.organization()).orElseThrow(() -> new PublishingException(
                    PublishingException.Kind.ACCESS, "Ключ доступа к API сообщества " + target.groupId()
                    + " не задан или сообщество больше не действующий аккаунт организации."));
        } catch (SecretCipher.SecretsUnavailableException | IllegalStateException e) {
            throw new PublishingException(PublishingException.Kind.ACCESS, "Ключ доступа к API сообщества "
                    + target.groupId() + " не расшифровывается: " + e.getMessage(), e);
        }
    }
}
