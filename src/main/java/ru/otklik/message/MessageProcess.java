package ru.otklik.message;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Date;

import static ru.otklik.message.MessageResponseProcess.*;

/** Starts the case of a registered message: process {@value MessageResponseProcess#PROCESS_KEY}. */
@Service
public class MessageProcess {

    private final RuntimeService runtime;
    private final MessageRegistry registry;

    public MessageProcess(RuntimeService runtime, MessageRegistry registry) {
        this.runtime = runtime;
        this.registry = registry;
    }

    /**
     * MSG-8: starts {@code MessageResponse} for a registered message (business key of the entry, tenant =
     * its organization), links the case in the registry and returns the refreshed entry with the routing and
     * answer deadlines filled. Runs in the caller's transaction.
     *
     * @throws IllegalStateException when a case already works on the message
     */
    @Transactional
    public MessageEntry start(MessageEntry entry) {
        return start(entry, null);
    }

    /**
     * MSG-8, MSG-20: as {@link #start(MessageEntry)}, for a message reported as a repeat of the earlier case
     * {@code repeatOf} (business key), which the registration links.
     */
    @Transactional
    public MessageEntry start(MessageEntry entry, String repeatOf) {
        if (entry.processInstanceId() != null) {
            throw new IllegalStateException("Message " + entry.businessKey() + " is already worked on by case "
                    + entry.processInstanceId());
        }
        VariableMap variables = Variables.createVariables()
                .putValue(VAR_MESSAGE_ID, entry.id())
                .putValue(VAR_ORGANIZATION, entry.organization())
                .putValue(VAR_BUSINESS_KEY, entry.businessKey())
                .putValue(VAR_DETECTED_AT, Date.from(entry.detectedAt()))
                .putValue(VAR_NETWORK, entry.network().name())
                .putValue(VAR_URL, entry.url())
                .putValue(VAR_EXTERNAL_ID, entry.externalId())
                .putValue(VAR_AUTHOR_NAME, entry.authorName())
                .putValue(VAR_AUTHOR_ID, entry.authorId())
                .putValue(VAR_TEXT, entry.text())
                .putValue(VAR_TOPIC, entry.topic())
                .putValue(VAR_LOCATION, entry.location());
        if (repeatOf != null && !repeatOf.isBlank()) {
            variables.putValue(VAR_REPEAT_OF, repeatOf.trim());
        }
        ProcessInstance instance = runtime.createProcessInstanceByKey(PROCESS_KEY)
                .processDefinitionWithoutTenantId()
                .businessKey(entry.businessKey())
                .setVariables(variables)
                .execute();
        // The registration task links the case; this keeps the link even if the diagram changes.
        return registry.find(entry.id())
                .filter(e -> instance.getId().equals(e.processInstanceId()))
                .orElseGet(() -> {
                    registry.linkProcess(entry.id(), instance.getId(), null);
                    return registry.find(entry.id()).orElseThrow();
                });
    }
}
