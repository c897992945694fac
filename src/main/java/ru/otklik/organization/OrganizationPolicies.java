package ru.otklik.organization;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import ru.otklik.calendar.WorkSchedule;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The organizations of the acts, one policy file each under {@code organizations/}. An invalid file
 * stops start-up with a message naming the file and the field.
 */
@Component
public class OrganizationPolicies {

    static final String LOCATION = "classpath*:organizations/*.yml";
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final Map<String, OrganizationPolicy> byId;

    public OrganizationPolicies() {
        this(LOCATION);
    }

    OrganizationPolicies(String location) {
        this.byId = Collections.unmodifiableMap(load(location));
    }

    public Collection<OrganizationPolicy> all() {
        return byId.values();
    }

    public Optional<OrganizationPolicy> find(String organizationId) {
        return Optional.ofNullable(organizationId).map(byId::get);
    }

    public OrganizationPolicy get(String organizationId) {
        return find(organizationId).orElseThrow(() -> new UnknownOrganizationException(organizationId));
    }

    public boolean exists(String organizationId) {
        return organizationId != null && byId.containsKey(organizationId);
    }

    private static Map<String, OrganizationPolicy> load(String location) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        Resource[] resources;
        try {
            resources = new PathMatchingResourcePatternResolver().getResources(location);
        } catch (IOException e) {
            throw new InvalidPolicyException(location, "-", "cannot be listed: " + e.getMessage());
        }
        Map<String, OrganizationPolicy> policies = new LinkedHashMap<>();
        for (Resource resource : resources) {
            String file = "organizations/" + resource.getFilename();
            OrganizationPolicy policy;
            try (InputStream in = resource.getInputStream()) {
                policy = yaml.readValue(in, OrganizationPolicy.class);
            } catch (JsonMappingException e) {
                throw new InvalidPolicyException(file, fieldPath(e), e.getOriginalMessage());
            } catch (IOException e) {
                throw new InvalidPolicyException(file, "-", e.getMessage());
            }
            validate(file, policy);
            if (policies.putIfAbsent(policy.id(), policy) != null) {
                throw new InvalidPolicyException(file, "id", "duplicate organization id " + policy.id());
            }
        }
        if (policies.isEmpty()) {
            throw new InvalidPolicyException(location, "-", "no organization policy found");
        }
        for (OrganizationPolicy policy : policies.values()) {
            String recipient = policy.accountReporting().recipientOrg();
            if (recipient != null && !policies.containsKey(recipient)) {
                throw new InvalidPolicyException("organizations/" + policy.id() + ".yml",
                        "accountReporting.recipientOrg", "unknown organization " + recipient);
            }
        }
        return policies;
    }

    private static String fieldPath(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? "-" : path;
    }

    private static void validate(String file, OrganizationPolicy p) {
        String expectedId = file.substring("organizations/".length(), file.length() - ".yml".length());
        require(file, "id", p.id() != null && ID.matcher(p.id()).matches(), "must be lowercase latin letters, digits and hyphens");
        require(file, "id", expectedId.equals(p.id()), "must equal the file name (" + expectedId + ")");
        require(file, "name", notBlank(p.name()), "must not be blank");
        require(file, "shortName", notBlank(p.shortName()), "must not be blank");
        require(file, "act", p.act() != null, "is required");
        require(file, "act.title", notBlank(p.act().title()), "must not be blank");
        require(file, "act.number", notBlank(p.act().number()), "must not be blank");
        require(file, "act.date", p.act().date() != null, "is required");
        require(file, "networks", p.networks() != null && !p.networks().isEmpty(), "must name at least one network (ACC-1)");
        require(file, "registryKeeper", notBlank(p.registryKeeper()), "must not be blank (ACC-2)");
        require(file, "securityOwner", notBlank(p.securityOwner()), "must not be blank (ACC-3)");
        OrganizationPolicy.AccountReporting reporting = p.accountReporting();
        require(file, "accountReporting", reporting != null, "is required (ACC-4)");
        require(file, "accountReporting.termKind", reporting.termKind() != null, "is required (ACC-4)");
        if (reporting.termKind() == OrganizationPolicy.TermKind.NONE) {
            require(file, "accountReporting.term", reporting.term() == null, "must be empty when termKind is NONE");
        } else {
            require(file, "accountReporting.recipient", notBlank(reporting.recipient()), "must not be blank (ACC-4)");
            require(file, "accountReporting.term", reporting.term() != null && reporting.term() > 0 && reporting.term() <= 366,
                    "must be between 1 and 366 (ACC-4)");
        }
        require(file, "postingBasis", p.postingBasis() != null, "is required (ACC-6)");
        require(file, "weeklyMinimum", p.weeklyMinimum() == null || p.weeklyMinimum() > 0, "must be positive (ACC-7)");
        require(file, "repostCapPercent", p.repostCapPercent() == null
                || (p.repostCapPercent() >= 0 && p.repostCapPercent() <= 100), "must be between 0 and 100 (ACC-8)");
        require(file, "schedule", p.schedule() != null, "is required");
        try {
            WorkSchedule.of(p.schedule());
        } catch (IllegalArgumentException e) {
            throw new InvalidPolicyException(file, "schedule", e.getMessage());
        }
        List<OrganizationPolicy.Department> departments = Objects.requireNonNullElse(p.departments(), List.of());
        require(file, "departments", !departments.isEmpty(), "must list at least one department");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < departments.size(); i++) {
            OrganizationPolicy.Department d = departments.get(i);
            String field = "departments[" + i + "]";
            require(file, field + ".id", d.id() != null && ID.matcher(d.id()).matches(), "must be lowercase latin letters, digits and hyphens");
            require(file, field + ".id", seen.add(d.id()), "duplicate department id " + d.id());
            require(file, field + ".name", notBlank(d.name()), "must not be blank");
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static void require(String file, String field, boolean condition, String message) {
        if (!condition) {
            throw new InvalidPolicyException(file, field, message);
        }
    }
}
