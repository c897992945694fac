package ru.otklik.account;

import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import ru.otklik.organization.Network;
import ru.otklik.organization.OrganizationPolicies;
import ru.otklik.security.CurrentStaff;
import ru.otklik.security.Staff;
import ru.otklik.web.InvalidFieldException;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The staff API of the registry of accounts (HTTP Basic, see {@code SecurityConfig}): requests that start
 * {@code AccountLifecycle}, the entries with their audit trail, and the initial CSV import. Staff see their own
 * organizations' accounts; the media directorate's registry keepers see every organization's (ACC-13).
 */
@RestController
@RequestMapping("/api/accounts")
class AccountController {

    private final AccountRequests requests;
    private final AccountRegistry registry;
    private final AccountAccess access;
    private final AccountImport importer;
    private final OrganizationPolicies policies;

    AccountController(AccountRequests requests, AccountRegistry registry, AccountAccess access, AccountImport importer,
                      OrganizationPolicies policies) {
        this.requests = requests;
        this.registry = registry;
        this.access = access;
        this.importer = importer;
        this.policies = policies;
    }

    /** ACC-1, ACC-2: 201 with the planned entry and the case that creates it. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AccountViews.Receipt> create(@Valid @RequestBody AccountRequestBodies.CreateAccount request) {
        AccountRequests.Started started = requests.create(request, CurrentStaff.get());
        return ResponseEntity.created(location(started.account().id())).body(AccountViews.Receipt.of(started));
    }

    /** ACC-4: 202 with the case that deletes the account. */
    @PostMapping(path = "/{id:\\d{1,18}}/deletion", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AccountViews.Receipt> delete(@PathVariable long id,
                                                @Valid @RequestBody(required = false) AccountRequestBodies.DeleteAccount request) {
        AccountRequests.Started started = requests.delete(id, request, CurrentStaff.get());
        return ResponseEntity.accepted().location(location(id)).body(AccountViews.Receipt.of(started));
    }

    /** ACC-14: 202 with the case that changes the account's details. */
    @PostMapping(path = "/{id:\\d{1,18}}/changes", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AccountViews.Receipt> change(@PathVariable long id,
                                                @Valid @RequestBody AccountRequestBodies.ChangeAccount request) {
        AccountRequests.Started started = requests.change(id, request, CurrentStaff.get());
        return ResponseEntity.accepted().location(location(id)).body(AccountViews.Receipt.of(started));
    }

    /** The entry with its audit trail; 404 also for another organization's account (tenant isolation). */
    @GetMapping("/{id:\\d{1,18}}")
    AccountViews.Detail account(@PathVariable long id) {
        Account account = access.readable(id, CurrentStaff.get());
        return AccountViews.Detail.of(account, registry.audit(id), registry.reports(id), registry.reviews(id),
                registry.violations(id), policies.get(account.organization()).zone());
    }

    /** The entries of the caller's organizations (all of them for the media directorate, ACC-13). */
    @GetMapping
    List<AccountViews.Summary> list(@RequestParam(required = false) String org,
                                    @RequestParam(required = false) String network,
                                    @RequestParam(required = false) String status) {
        Staff staff = CurrentStaff.get();
        Network networkFilter = network == null || network.isBlank() ? null : AccountRules.network(network, "network");
        AccountStatus statusFilter = status(status);
        Set<String> organizations;
        if (org != null && !org.isBlank()) {
            String id = org.trim();
            policies.get(id);
            if (!access.mayRead(staff, id)) {
                staff.requireOrganization(id);
            }
            organizations = Set.of(id);
        } else {
            organizations = access.readableOrganizations(staff);
        }
        return registry.list(organizations, networkFilter, statusFilter).stream().map(AccountViews.Summary::of).toList();
    }

    /**
     * ACC-2, ACC-17: the initial import of the organization's existing accounts (administrator or its registry
     * keeper), row by row; see {@link AccountImport} for the CSV format.
     */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    AccountImport.Result importAccounts(@RequestParam(required = false) String org,
                                        @RequestParam(required = false) MultipartFile file) throws IOException {
        if (org == null || org.isBlank()) {
            throw new InvalidFieldException("org", "укажите организацию");
        }
        if (file == null || file.isEmpty()) {
            throw new InvalidFieldException("file", "приложите файл CSV (поле file)");
        }
        return importer.importCsv(org.trim(), file.getBytes(), CurrentStaff.get());
    }

    private static AccountStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return AccountStatus.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("status", "допустимо: PLANNED, ACTIVE, DELETED, BLOCKED, REJECTED");
        }
    }

    private static URI location(long id) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/accounts/{id}").buildAndExpand(id).toUri();
    }
}
