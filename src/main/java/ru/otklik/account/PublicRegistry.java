package ru.otklik.account;

import org.springframework.stereotype.Service;
import ru.otklik.organization.Network;
import ru.otklik.organization.OrganizationPolicies;
import ru.otklik.organization.OrganizationPolicy;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The public registry of accounts (ACC-5, ACC-16): the active accounts of each organization with only their
 * public fields — never administrators, security data or the audit trail.
 */
@Service
public class PublicRegistry {

    private final AccountRegistry registry;
    private final OrganizationPolicies policies;

    public PublicRegistry(AccountRegistry registry, OrganizationPolicies policies) {
        this.registry = registry;
        this.policies = policies;
    }

    /** What anyone may see of an account. */
    public record PublicAccount(String organization, String organizationName, String network, String networkTitle,
                                String url, String displayName, String purpose, boolean officialPage,
                                LocalDate createdOn) {
    }

    /** A filter as the query string gives it: a blank value means all. */
    public record Filter(String organization, Network network) {
    }

    /**
     * Reads the query parameters {@code org} and {@code network}.
     *
     * @throws ru.otklik.organization.UnknownOrganizationException for an organization that does not exist
     * @throws AccountValidationException for an unknown network
     */
    public Filter filter(String org, String network) {
        String organization = org == null || org.isBlank() ? null : org.trim();
        if (organization != null) {
            policies.get(organization);
        }
        Network n = network == null || network.isBlank() ? null : AccountRules.network(network, "network");
        return new Filter(organization, n);
    }

    /** The active accounts matching the filter, by organization (in the order of the policies), network and name. */
    public List<PublicAccount> accounts(Filter filter) {
        List<String> order = policies.all().stream().map(OrganizationPolicy::id).toList();
        Set<String> organizations = filter.organization() == null ? Set.copyOf(order) : Set.of(filter.organization());
        return registry.list(organizations, filter.network(), AccountStatus.ACTIVE).stream()
                .map(this::publicAccount)
                .sorted(Comparator.comparingInt((PublicAccount a) -> order.indexOf(a.organization()))
                        .thenComparing(PublicAccount::network)
                        .thenComparing(PublicAccount::displayName, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** The same, grouped by organization. */
    public Map<OrganizationPolicy, List<PublicAccount>> byOrganization(Filter filter) {
        Map<OrganizationPolicy, List<PublicAccount>> grouped = new LinkedHashMap<>();
        Map<String, List<PublicAccount>> byId = accounts(filter).stream()
                .collect(Collectors.groupingBy(PublicAccount::organization, LinkedHashMap::new, Collectors.toList()));
        for (OrganizationPolicy policy : policies.all()) {
            if (filter.organization() == null || filter.organization().equals(policy.id())) {
                grouped.put(policy, byId.getOrDefault(policy.id(), List.of()));
            }
        }
        return grouped;
    }

    public Collection<OrganizationPolicy> organizations() {
        return policies.all();
    }

    private PublicAccount publicAccount(Account a) {
        String name = policies.find(a.organization()).map(OrganizationPolicy::shortName).orElse(a.organization());
        return new PublicAccount(a.organization(), name, a.network().name(), NetworkDomains.title(a.network()), a.url(),
                a.displayName(), a.purpose(), a.officialPage(), a.createdOn());
    }
}
