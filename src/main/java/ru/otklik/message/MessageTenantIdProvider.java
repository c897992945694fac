package ru.otklik.message;

import org.camunda.bpm.engine.IdentityService;
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

    private String singleTenantOfCurrentUser() {
        Authentication authentication = identity.get().getCurrentAuthentication();
        if (authentication == null) {
            return null;
        }
        List<String> tenants = authentication.getTenantIds();
        return tenants != null && tenants.size() == 1 ? tenants.get(0) : null;
    }
}
