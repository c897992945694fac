package ru.otklik.message;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;

import java.util.List;
import java.util.function.Supplier;

/**
 * Gives each instance of a definition shared by all organizations the tenant of its organization: the
 * variable {@code organization} (set by the REST intake), or else — a case started from a Tasklist start
 * form — the single organization of the starting user. A sub-process inherits its parent's tenant. Without
 * either the instance has no tenant, and the first step that needs the organization stops it with a message.
 */
public class MessageTenantIdProvider implements TenantIdProvider {

    private final Supplier<IdentityService> identity;

    public MessageTenantIdProvider(Supplier<IdentityService> identity) {
        this.identity = identity;
    }

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
        if (ctx.getSuperExecution() != null && ctx.getSuperExecution().getTenantId() != null) {
            return ctx.getSuperExecution().getTenantId();
        }
        Object organization = ctx.getVariables() == null ? null
                : ctx.getVariables().get(MessageResponseProcess.VAR_ORGANIZATION);
        if (organization instanceof String org && !org.isBlank()) {
            requireMember(org.trim());
            return org.trim();
        }
        return singleTenantOfCurrentUser();
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
        if (ctx.getSuperExecution() != null) {
            return ctx.getSuperExecution().getTenantId();
        }
        return singleTenantOfCurrentUser();
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
        if (ctx.getExecution() != null) {
            return ctx.getExecution().getTenantId();
        }
        if (ctx.getCaseExecution() != null) {
            return ctx.getCaseExecution().getTenantId();
        }
        return null;
    }

    /**
     * A user may start cases only in their own organization (a start over the engine's REST API names any
     * organization it likes). Starts the system makes on its own behalf — intake, timers, a case in the
     * recipient's organization started with tenant checks switched off — pass.
     */
    private void requireMember(String organization) {
        Authentication authentication = identity.get().getCurrentAuthentication();
        CommandContext command = Context.getCommandContext();
        if (authentication == null || (command != null && !command.isTenantCheckEnabled())) {
            return;
        }
        List<String> groups = authentication.getGroupIds();
        if (groups != null && groups.contains(Groups.CAMUNDA_ADMIN)) {
            return;
        }
        List<String> tenants = authentication.getTenantIds();
        if (tenants == null || !tenants.contains(organization)) {
            throw new ProcessEngineException("Пользователь " + authentication.getUserId()
                    + " не может начать дело организации " + organization);
        }
    }

    private String singleTenantOfCurrentUser() {
        Authentication authentication = identity.get().getCurrentAuthentication();
        if (authentication == null) {
            return null;
        }
        List<String> tenants = authentication.getTenantIds();
        return tenants != null && tenants.size() == 1 ? tenants.get(0) : null;
    }
}
