package ru.otklik.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.cmd.AbstractWritableIdentityServiceCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Empties the {@link AuthenticationCache} once a change of a user, group, tenant or membership made through this
 * node's engine (Admin, the engine REST API, the app) is committed: every such change is one of the identity
 * service's writing commands. A new password, a removed user or membership takes effect on the API at once; a change
 * made on another node, or in the database directly, when the cached login expires.
 */
@Component
class AuthenticationCacheEviction extends AbstractProcessEnginePlugin {

    private final AuthenticationCache cache;

    AuthenticationCacheEviction(AuthenticationCache cache) {
        this.cache = cache;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
        interceptors.add(new EvictOnIdentityChange());
        configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
    }

    /** Runs inside the command context, so the cache is emptied after the change's transaction commits. */
    private final class EvictOnIdentityChange extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            if (command instanceof AbstractWritableIdentityServiceCmd) {
                Context.getCommandContext().getTransactionContext()
                        .addTransactionListener(TransactionState.COMMITTED, committed -> cache.clear());
            }
            return next.execute(command);
        }
    }
}
