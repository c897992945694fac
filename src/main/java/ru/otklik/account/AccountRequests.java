package ru.otklik.account;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.otklik.account.AccountLifecycleProcess.RequestKind;
import ru.otklik.organization.OrganizationPolicies;
import ru.otklik.organization.OrganizationPolicy;
import ru.otklik.organization.Role;
import ru.otklik.security.Staff;
import ru.otklik.web.InvalidFieldException;
import ru.otklik.web.NotFoundException;

import java.util.Map;

import static ru.otklik.account.AccountLifecycleProcess.*;

/**
 * Requests about accounts from the staff API: each enters the registry and starts {@code AccountLifecycle} in
 * one transaction, so an invalid request stores nothing. Checks run in a fixed order, so that a caller learns
 * as little as possible about what it may not see: the shape of the request (400), the organization exists
 * (404), the caller keeps its accounts (403), then the rules that need the organization's policy (400).
 */
@Service
public class AccountRequests {

    private static final Logger log = LoggerFactory.getLogger(AccountRequests.class);

    private final AccountRegistry registry;
    private final AccountLifecycle lifecycle;
    private final AccountAccess access;
    private final OrganizationPolicies policies;
    private final RuntimeService runtime;
    private final TransactionTemplate transaction;

    AccountRequests(AccountRegistry registry, AccountLifecycle lifecycle, AccountAccess access,
                    OrganizationPolicies policies, RuntimeService runtime, PlatformTransactionManager transactions) {
        this.registry = registry;
        this.lifecycle = lifecycle;
        this.access = access;
        this.policies = policies;
        this.runtime = runtime;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** An entry and the case that works on its request. */
    public record Started(Account account, String processInstanceId) {
    }

    /**
     * ACC-1, ACC-2: enters a planned account and starts its creation.
     *
     * @throws AccountValidationException 400: network outside the act, URL of another network or registered
     * @throws ru.otklik.organization.UnknownOrganizationException 404
     * @throws ru.otklik.security.OrganizationAccessDeniedException 403: not an account manager or registry keeper there
     */
    Started create(AccountRequestBodies.CreateAccount request, Staff staff) {
        String org = request.org().trim();
        OrganizationPolicy policy = policies.get(org);
        staff.requireRole(org, Role.ACCOUNT_MANAGER, Role.REGISTRY_KEEPER);
        AccountRules.requireNetworkOfAct(policy, request.network(), "network");
        NetworkDomains.AccountUrl url = NetworkDomains.parse(request.network(), request.url(), "url");
        AccountRegistry.NewAccount account = new AccountRegistry.NewAccount(org, request.network(), url,
                AccountRules.requiredText(request.displayName(), "displayName", AccountRules.MAX_DISPLAY_NAME,
                        "название аккаунта"),
                AccountRules.optionalText(request.externalId(), "externalId", AccountRules.MAX_EXTERNAL_ID),
                AccountRules.optionalText(request.purpose(), "purpose", AccountRules.MAX_PURPOSE),
                policy.securityOwner());
        requireFree(url);
        try {
            Started started = transaction.execute(status -> {
                long id = registry.insertPlanned(account, staff.userId(), RequestKind.CREATE.name());
                String instance = start(org, id, RequestKind.CREATE, staff.userId(), Variables.createVariables());
                return new Started(registry.find(id).orElseThrow(), instance);
            });
            log.info("Account {} of {} requested by {} (case {})", started.account().id(), org, staff.userId(),
                    started.processInstanceId());
            return started;
        } catch (DuplicateKeyException e) {
            // a concurrent request registered the same URL first; this one is rolled back
            throw duplicate(url);
        }
    }

    /** ACC-4: asks to delete an active or blocked account. */
    Started delete(long id, AccountRequestBodies.DeleteAccount request, Staff staff) {
        Account account = access.readable(id, staff);
        staff.requireRole(account.organization(), Role.ACCOUNT_MANAGER, Role.REGISTRY_KEEPER);
        requireLive(account);
        String reason = AccountRules.optionalText(request == null ? null : request.reason(), "reason", 2000);
        return transaction.execute(status -> {
            claim(account, RequestKind.DELETE);
            registry.audit(id, staff.userId(), AccountActions.DELETION_REQUESTED, "ACC-4", Map.of(), Map.of(), reason);
            String instance = start(account.organization(), id, RequestKind.DELETE, staff.userId(),
                    Variables.createVariables().putValue(VAR_REASON, reason));
            return new Started(registry.find(id).orElseThrow(), instance);
        });
    }

    /** ACC-14: asks to change an account's details. */
    Started change(long id, AccountRequestBodies.ChangeAccount request, Staff staff) {
        Account account = access.readable(id, staff);
        staff.requireRole(account.organization(), Role.ACCOUNT_MANAGER, Role.REGISTRY_KEEPER);
        requireLive(account);
        VariableMap variables = Variables.createVariables()
                .putValue(VAR_NEW_URL, request.url())
                .putValue(VAR_NEW_DISPLAY_NAME, request.displayName())
                .putValue(VAR_NEW_EXTERNAL_ID, request.externalId())
                .putValue(VAR_NEW_PURPOSE, request.purpose())
                .putValue(VAR_NEW_ADMINISTRATORS, request.administrators() == null ? null
                        : String.join("\n", AccountRules.administrators(request.administrators(), "administrators")))
                .putValue(VAR_NEW_STATUS, request.status())
                .putValue(VAR_REASON, AccountRules.optionalText(request.reason(), "reason", 2000));
        try {
            lifecycle.validateChange(variables, account);
        } catch (AccountValidationException e) {
            throw new AccountValidationException(restField(e.field()), e.getMessage());
        }
        return transaction.execute(status -> {
            claim(account, RequestKind.CHANGE);
            registry.audit(id, staff.userId(), AccountActions.CHANGE_REQUESTED, "ACC-14", Map.of(),
                    Map.of("changes", lifecycle.changeSummary(account, variables)), request.reason());
            String instance = start(account.organization(), id, RequestKind.CHANGE, staff.userId(), variables);
            return new Started(registry.find(id).orElseThrow(), instance);
        });
    }

    private String start(String org, long accountId, RequestKind kind, String requestedBy, VariableMap variables) {
        variables.putValue(VAR_ORGANIZATION, org)
                .putValue(VAR_ACCOUNT_ID, accountId)
                .putValue(VAR_REQUEST_KIND, kind.name())
                .putValue(VAR_REQUESTED_BY, requestedBy);
        ProcessInstance instance = runtime.createProcessInstanceByKey(PROCESS_KEY)
                .processDefinitionWithoutTenantId()
                .businessKey("account-" + accountId)
                .setVariables(variables)
                .execute();
        if (!org.equals(instance.getTenantId())) {
            // the tenant id provider (variable "organization") is missing: never run a case without its organization
            throw new IllegalStateException("The case of account " + accountId + " got tenant " + instance.getTenantId()
                    + " instead of " + org);
        }
        return instance.getId();
    }

    private void claim(Account account, RequestKind kind) {
        if (!registry.claimPendingRequest(account.id(), kind.name())) {
            Account current = registry.find(account.id()).orElseThrow();
            throw new InvalidFieldException("id", "по аккаунту уже идёт заявка ("
                    + AccountLifecycle.requestKind(current.pendingRequest()).title() + "); дождитесь её завершения");
        }
    }

    private static void requireLive(Account account) {
        if (account.status() != AccountStatus.ACTIVE && account.status() != AccountStatus.BLOCKED) {
            throw new InvalidFieldException("id", "аккаунт не действует (статус: " + account.status().title() + ")");
        }
    }

    private void requireFree(NetworkDomains.AccountUrl url) {
        if (registry.findLive(url.key()).isPresent()) {
            throw duplicate(url);
        }
    }

    private AccountValidationException duplicate(NetworkDomains.AccountUrl url) {
        return new AccountValidationException("url", "аккаунт с ссылкой " + url.url() + " уже есть в реестре");
    }

    /** The JSON field of a change request for a process variable named in a validation error. */
    private static String restField(String variable) {
        return switch (variable) {
            case VAR_NEW_URL -> "url";
            case VAR_NEW_DISPLAY_NAME -> "displayName";
            case VAR_NEW_EXTERNAL_ID -> "externalId";
            case VAR_NEW_PURPOSE -> "purpose";
            case VAR_NEW_ADMINISTRATORS -> "administrators";
            case VAR_NEW_STATUS -> "status";
            default -> variable;
        };
    }

    static NotFoundException notFound(long id) {
        return new NotFoundException("Аккаунт " + id + " не найден");
    }
}
