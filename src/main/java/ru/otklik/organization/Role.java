package ru.otklik.organization;

/**
 * Roles of the acts, each a Camunda group per organization ({@code <org>-<suffix>}) or, for
 * department roles, per department ({@code <org>-<suffix>-<department>}).
 */
public enum Role {
    /** MSG-6, MSG-8: ОТО specialists detect, register, route and post. */
    SPECIALIST("specialists", "Специалисты ОТО", false),
    /** MSG-3: the deputy head coordinates the work with messages. */
    COORDINATOR("coordinator", "Координатор (заместитель руководителя)", false),
    /** MSG-3: the head of ОТО substitutes the coordinator while absent. */
    COORDINATOR_SUBSTITUTE("coordinator-substitute", "Замещающий координатора", false),
    /** MSG-26, MSG-28: the head of the body receives reports. */
    HEAD("head", "Руководитель органа", false),
    /** MSG-8: the head of a department receives messages against signature. */
    DEPARTMENT_HEAD("heads", "Начальник отдела", true),
    /** MSG-7: persons authorized by the head of a department to draft answers. */
    EXECUTOR("executors", "Исполнители отдела", true),
    /** ACC-6, ACC-7: publishes and keeps the accounts. */
    ACCOUNT_MANAGER("account-managers", "Ответственные за аккаунты", false),
    /** ACC-2: keeps the registry of accounts. */
    REGISTRY_KEEPER("registry-keepers", "Ведение реестра аккаунтов", false),
    /** ACC-3: keeps the accounts secure. */
    SECURITY_OWNER("security", "Безопасность аккаунтов", false),
    /** Reads everything of the organization, changes nothing. */
    AUDITOR("auditors", "Аудиторы", false),
    /** Monitoring systems that report detected messages over REST. */
    INTAKE("intake", "Приём сообщений (мониторинг)", false);

    private final String suffix;
    private final String title;
    private final boolean perDepartment;

    Role(String suffix, String title, boolean perDepartment) {
        this.suffix = suffix;
        this.title = title;
        this.perDepartment = perDepartment;
    }

    public boolean perDepartment() {
        return perDepartment;
    }

    public String title() {
        return title;
    }

    /** Group id of an organization-wide role. */
    public String groupId(String organizationId) {
        if (perDepartment) {
            throw new IllegalStateException(this + " is a department role: name the department");
        }
        return organizationId + "-" + suffix;
    }

    /** Group id of a department role. */
    public String groupId(String organizationId, String departmentId) {
        if (!perDepartment) {
            return groupId(organizationId);
        }
        return organizationId + "-" + suffix + "-" + departmentId;
    }
}
