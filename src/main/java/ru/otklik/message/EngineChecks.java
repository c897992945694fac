package ru.otklik.message;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

import java.util.function.Supplier;

/**
 * Runs engine calls that the process makes on its own behalf (reading a department's members, raising a
 * task's priority) without the authorization and tenant checks of whoever's action led there.
 */
final class EngineChecks {

    private EngineChecks() {
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

    static void withoutChecks(Runnable call) {
        withoutChecks(() -> {
            call.run();
            return null;
        });
    }
}
