package ru.otklik.integration.posting;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import ru.otklik.message.MessageEntry;
import ru.otklik.message.MessageRegistry;
import ru.otklik.organization.Network;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static ru.otklik.message.MessageResponseProcess.*;

/**
 * Chooses the publisher of a case's answer by the message's network (MSG-16). The gateway «Размещение через
 * API настроено?» of {@code MessageResponse} asks {@link #configured}; without a publisher, a target it
 * understands or a token, the specialist posts by hand.
 */
@Component("answerPublishing")
public class AnswerPublishing {

    private final Map<Network, AnswerPublisher> publishers;
    private final MessageRegistry registry;

    AnswerPublishing(List<AnswerPublisher> publishers, MessageRegistry registry) {
        this.publishers = publishers.stream().collect(Collectors.toMap(AnswerPublisher::network, Function.identity()));
        this.registry = registry;
    }

    /** Whether the case's approved answer is posted through the network's API. */
    public boolean configured(VariableScope scope) {
        Answer answer = answer(scope);
        return publisher(answer).map(p -> p.canPublish(answer)).orElse(false);
    }

    Optional<AnswerPublisher> publisher(Answer answer) {
        return Optional.ofNullable(publishers.get(answer.network()));
    }

    /**
     * The approved answer of the current round: the draft text with the links to its photo and video (MSG-22);
     * the round is named by the message and the start of the posting step, which retries leave unchanged.
     */
    Answer answer(VariableScope scope) {
        long messageId = ((Number) scope.getVariable(VAR_MESSAGE_ID)).longValue();
        MessageEntry entry = registry.find(messageId)
                .orElseThrow(() -> new IllegalStateException("Message " + messageId + " is not in the registry"));
        StringBuilder text = new StringBuilder(String.valueOf(scope.getVariable(VAR_ANSWER_TEXT)).trim());
        for (String media : new String[]{VAR_PHOTO_URL, VAR_VIDEO_URL}) {
            Object link = scope.getVariable(media);
            if (link != null && !link.toString().isBlank()) {
                text.append("\n").append(link.toString().trim());
            }
        }
        Date roundStarted = (Date) scope.getVariable(VAR_STEP_STARTED_AT);
        return new Answer(messageId, entry.organization(), entry.network(), entry.externalId(), entry.url(),
                text.toString(), messageId + "-" + roundStarted.getTime());
    }
}
