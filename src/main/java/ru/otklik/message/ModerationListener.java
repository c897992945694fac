package ru.otklik.message;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import ru.otklik.content.moderation.ModerationAction;
import ru.otklik.content.moderation.ModerationLog;
import ru.otklik.content.moderation.ModerationReason;
import ru.otklik.content.moderation.NewModeration;
import ru.otklik.web.InvalidFieldException;

import java.time.Instant;

import static ru.otklik.message.MessageResponseProcess.*;

/**
 * {@code Task_ModerateMessage} (MSG-23, ACC-10): records through the system's one {@link ModerationLog} that the
 * comment was deleted and whether the author was blacklisted; the message gets no answer. Whether blacklisting is
 * mandatory (nkr) is the log's rule, not this listener's: a refusal keeps the task open with the log's reason.
 */
@Component("moderationListener")
class ModerationListener implements TaskListener {

    private final MessageRegistry registry;
    private final ModerationLog moderationLog;

    ModerationListener(MessageRegistry registry, ModerationLog moderationLog) {
        this.registry = registry;
        this.moderationLog = moderationLog;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        long messageId = ProcessVariables.messageId(task);
        String reasonValue = ProcessVariables.string(task, VAR_MODERATION_REASON);
        if (reasonValue == null) {
            throw new MessageValidationException("Укажите основание (MSG-23).");
        }
        ModerationReason reason = ModerationReason.parse(reasonValue)
                .orElseThrow(() -> new MessageValidationException("Неизвестное основание: " + reasonValue + "."));
        if (!Boolean.TRUE.equals(bool(task.getVariable(VAR_COMMENT_DELETED)))) {
            throw new MessageValidationException("Удалите комментарий и отметьте это в форме (MSG-23, ACC-10).");
        }
        boolean blacklisted = Boolean.TRUE.equals(bool(task.getVariable(VAR_AUTHOR_BLACKLISTED)));
        String notes = ProcessVariables.string(task, VAR_MODERATION_NOTES);
        String actor = ProcessVariables.actor(task);
        Instant now = ProcessVariables.now();
        MessageEntry entry = registry.find(messageId)
                .orElseThrow(() -> new IllegalStateException("Message " + messageId + " is not in the registry"));
        try {
            moderationLog.record(new NewModeration(entry.organization(), entry.network(), null, messageId,
                    entry.url(), entry.authorId(), entry.authorName(), reason,
                    ModerationAction.of(true, blacklisted), notes, actor, now));
        } catch (InvalidFieldException refused) {
            throw new MessageValidationException(withoutField(refused));
        }
        registry.changeStatus(messageId, MessageStatus.NOT_PROCESSED);
        registry.appendEvent(messageId, MessageEvents.MODERATED, actor, now, "MSG-23", "Основание: "
                + reason.title() + "; комментарий удалён"
                + (blacklisted ? "; автор в чёрном списке" : "; автор не заблокирован")
                + (notes == null ? "" : "; " + notes));
    }

    /** The log's reason as Tasklist shows it under the form: without the API field name. */
    private static String withoutField(InvalidFieldException e) {
        String message = e.getMessage();
        String prefix = e.field() + ": ";
        String text = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
    }

    private static Boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        return value == null ? null : Boolean.valueOf(value.toString());
    }
}
