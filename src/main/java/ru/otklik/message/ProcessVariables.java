package ru.otklik.message;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.util.ClockUtil;

import java.time.Instant;
import java.util.Date;

import static ru.otklik.message.MessageResponseProcess.*;

/** Reading the variables of {@code MessageResponse} in delegates and listeners. */
final class ProcessVariables {

    private ProcessVariables() {
    }

    static long messageId(VariableScope scope) {
        Object id = scope.getVariable(VAR_MESSAGE_ID);
        if (id instanceof Number n) {
            return n.longValue();
        }
        throw new IllegalStateException("The case has no registry entry (variable " + VAR_MESSAGE_ID + ")");
    }

    static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    static Instant instant(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Date d) {
            return d.toInstant();
        }
        return Instants.of(value, ru.otklik.calendar.WorkSchedule.DEFAULT_ZONE);
    }

    static Importance importance(VariableScope scope) {
        String value = string(scope, VAR_IMPORTANCE);
        return value == null ? null : Importance.valueOf(value);
    }

    /** The rule of a step's deadline: the answer's depends on the importance and on a shortened deadline (MSG-8). */
    static String ruleId(VariableScope scope, MessageStep step) {
        if (step == MessageStep.ANSWER && shortened(scope)) {
            return "MSG-8";
        }
        return step.ruleId(importance(scope));
    }

    static boolean shortened(VariableScope scope) {
        Object value = scope.getVariable(VAR_SHORTENED_DEADLINE);
        return value != null && !value.toString().isBlank();
    }

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** Who completes or claims a task: its assignee, else the authenticated user. */
    static String actor(DelegateTask task) {
        return task.getAssignee() != null ? task.getAssignee() : currentUser();
    }

    static String currentUser() {
        CommandContext context = Context.getCommandContext();
        Authentication authentication = context == null ? null : context.getAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }

    /** A list of strings as a process variable that expressions (multi-instance collections) can iterate. */
    static org.camunda.bpm.engine.variable.value.ObjectValue list(java.util.List<String> values) {
        return org.camunda.bpm.engine.variable.Variables.objectValue(new java.util.ArrayList<>(values))
                .serializationDataFormat(org.camunda.bpm.engine.variable.Variables.SerializationDataFormats.JSON).create();
    }

    static MessageEscalations.Case escalationCase(VariableScope scope, String processInstanceId) {
        return new MessageEscalations.Case(messageId(scope), string(scope, VAR_BUSINESS_KEY),
                MessageDeadlines.organization(scope), processInstanceId, string(scope, VAR_DEPARTMENT), importance(scope),
                shortened(scope), instant(scope, VAR_ANSWER_DUE), string(scope, VAR_REGISTERED_BY));
    }
}
