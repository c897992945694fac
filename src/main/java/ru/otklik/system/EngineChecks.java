package ru.otklik.system;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

import java.util.function.Supplier;

/**
 * Engine calls a process makes on the system's behalf (reading a department's members, raising a task's
 * priority, starting a case in another organization's tenant) run without the authorization and tenant checks
 * of whoever's action led there: those checks guard what users do, not what the system does for them.
 */
public final class EngineChecks {

    private EngineChecks() {
    }

    public static <T> T withoutChecks(Supplier<T> call) {
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

    public static void withoutChecks(Runnable call) {
        withoutChecks(() -> {
            call.run();
            return null;
        });
    }

    /**
     * Refuses a start that only the system makes (e.g. the recipient's side of a report, a review of one
     * account) when a user other than an administrator makes it, e.g. by correlating a message over the REST API.
     */
    public static void requireSystem(IdentityService identity, String what) {
        Authentication current = identity.getCurrentAuthentication();
        if (current != null && (current.getGroupIds() == null || !current.getGroupIds().contains(Groups.CAMUNDA_ADMIN))) {
            throw new ProcessEngineException(what + " запускается только системой");
        }
    }
}
