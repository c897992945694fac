package ru.otklik.account;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

import java.util.function.Supplier;

/**
 * Runs engine calls the process makes on its own behalf (reading its own tasks, starting the recipient's or a
 * review case in another tenant) without the authorization and tenant checks of whoever's action led there.
 */
final class AccountEngineChecks {

    private AccountEngineChecks() {
    }

    static <T> T withoutChecks(Supplier<T> call) {
        CommandContext context = Context.getCommandContext();
        if (context == null) {
            return call.get();
        }
        boolean authorization = context.isAuthorizationCheckEnabled();
        boolean tenant = context.isTenantCheckEnabled();
        context.disableAuthorizationCheck();
        context.disableTenantCheck();
        try {
            return call.get();
        } finally {
            if (authorization) {
                context.enableAuthorizationCheck();
            }
            if (tenant) {
                context.enableTenantCheck();
            }
        }
    }

    /**
     * Refuses a start that only the system makes (the recipient's side, a review of one account) when a user other
     * than an administrator makes it, e.g. by correlating the message over the engine's REST API.
     */
    static void requireSystem(IdentityService identity, String what) {
        Authentication current = identity.getCurrentAuthentication();
        if (current != null && (current.getGroupIds() == null || !current.getGroupIds().contains(Groups.CAMUNDA_ADMIN))) {
            throw new ProcessEngineException(what + " запускается только системой");
        }
    }
}
