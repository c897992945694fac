package ru.otklik.message;

import org.camunda.bpm.engine.delegate.VariableScope;

import static ru.otklik.message.MessageResponseProcess.*;

/** The variables of a confirmed repeat (MSG-20, MSG-21). */
final class RepeatVariables {

    private RepeatVariables() {
    }

    /** The case repeats {@code earlier}: it goes to the department that handled it, its answer states the measures. */
    static void markRepeat(VariableScope instance, MessageEntry earlier) {
        instance.setVariable(VAR_IS_REPEAT, Boolean.TRUE);
        instance.setVariable(VAR_REPEAT_OF, earlier.businessKey());
        String text = "Повторное сообщение по обращению " + earlier.businessKey() + " (MSG-20)";
        if (!earlier.departments().isEmpty()) {
            // the department that handled the earlier case; the coordinator's form offers it as the choice
            instance.setVariable(VAR_DEPARTMENT, earlier.departments().get(0));
            text += ": направляется в отдел, рассматривавший обращение, — " + earlier.departments().get(0);
        }
        instance.setVariable(VAR_REPEAT_TEXT, text + ". Ответ должен содержать принятые меры или ход решения вопроса.");
    }
}
