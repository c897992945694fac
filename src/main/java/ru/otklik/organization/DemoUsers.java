package ru.otklik.organization;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Demo users with Russian names for every role of every organization, so Tasklist is usable at once.
 * Enabled only by the {@code demo} profile. Logins follow {@link #logins}; the README lists them.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "otklik.demo.enabled", havingValue = "true")
class DemoUsers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private static final String[] MALE = {"Алексей", "Сергей", "Дмитрий", "Андрей", "Михаил", "Иван", "Николай",
            "Павел", "Егор", "Владимир", "Олег", "Артём", "Роман", "Виктор", "Константин", "Юрий", "Максим",
            "Евгений", "Григорий", "Фёдор"};
    private static final String[] FEMALE = {"Ирина", "Елена", "Ольга", "Наталья", "Татьяна", "Анна", "Мария",
            "Светлана", "Юлия", "Екатерина", "Людмила", "Надежда", "Галина", "Вера", "Дарья", "Ксения",
            "Алина", "Марина", "Полина", "Валентина"};
    /** Surnames whose feminine form adds «а». */
    private static final String[] SURNAMES = {"Кузнецов", "Смирнов", "Попов", "Соколов", "Лебедев", "Новиков",
            "Морозов", "Волков", "Соловьёв", "Васильев", "Зайцев", "Павлов", "Семёнов", "Голубев", "Виноградов",
            "Богданов", "Воробьёв", "Фёдоров", "Михайлов", "Беляев", "Тарасов", "Белов", "Комаров", "Орлов",
            "Киселёв", "Макаров", "Андреев", "Ковалёв", "Ильин", "Гусев", "Титов", "Кузьмин", "Кудрявцев",
            "Баранов", "Куликов", "Алексеев", "Степанов", "Яковлев", "Сорокин", "Сергеев"};

    private final OrganizationPolicies policies;
    private final IdentityService identity;
    private final IdentityBootstrap bootstrap;
    private final String password;
    private int sequence;

    DemoUsers(OrganizationPolicies policies, IdentityService identity, IdentityBootstrap bootstrap,
              @Value("${otklik.demo.password:demo}") String password) {
        this.policies = policies;
        this.identity = identity;
        this.bootstrap = bootstrap;
        this.password = password;
    }

    /** A demo login: user id, the groups it joins. */
    record Login(String userId, List<String> groupIds) {
    }

    /** Every demo login of an organization. */
    static List<Login> logins(OrganizationPolicy policy) {
        String org = policy.id();
        List<Login> logins = new ArrayList<>();
        logins.add(new Login(org + "-specialist", List.of(Role.SPECIALIST.groupId(org))));
        logins.add(new Login(org + "-coordinator", List.of(Role.COORDINATOR.groupId(org))));
        // MSG-3: substitutes the coordinator while absent (in ZAGS the head of ОТО).
        logins.add(new Login(org + "-substitute", List.of(Role.COORDINATOR_SUBSTITUTE.groupId(org))));
        logins.add(new Login(org + "-head", List.of(Role.HEAD.groupId(org))));
        logins.add(new Login(org + "-accounts", List.of(Role.ACCOUNT_MANAGER.groupId(org))));
        logins.add(new Login(org + "-registry", List.of(Role.REGISTRY_KEEPER.groupId(org), Role.SECURITY_OWNER.groupId(org))));
        logins.add(new Login(org + "-auditor", List.of(Role.AUDITOR.groupId(org))));
        logins.add(new Login(org + "-intake", List.of(Role.INTAKE.groupId(org))));
        for (OrganizationPolicy.Department department : policy.departments()) {
            logins.add(new Login(org + "-head-" + department.id(),
                    List.of(Role.DEPARTMENT_HEAD.groupId(org, department.id()))));
            logins.add(new Login(org + "-executor-" + department.id(),
                    List.of(Role.EXECUTOR.groupId(org, department.id()))));
        }
        return logins;
    }

    @Override
    public void run(ApplicationArguments args) {
        bootstrap.ensureAdministrator("demo", password, "Демо", "Администратор");
        ensureUser("monitoring", "Система", "Мониторинга");
        for (OrganizationPolicy policy : policies.all()) {
            joinOnce("monitoring", Role.INTAKE.groupId(policy.id()));
            for (Login login : logins(policy)) {
                String[] name = nextName();
                ensureUser(login.userId(), name[0], name[1]);
                login.groupIds().forEach(groupId -> joinOnce(login.userId(), groupId));
            }
        }
        log.info("Demo users are ready (password '{}')", password);
    }

    private String[] nextName() {
        int i = sequence++;
        boolean female = i % 2 == 1;
        String first = (female ? FEMALE : MALE)[(i / 2) % MALE.length];
        String last = SURNAMES[(i * 7) % SURNAMES.length] + (female ? "а" : "");
        return new String[] {first, last};
    }

    private void ensureUser(String userId, String firstName, String lastName) {
        if (identity.createUserQuery().userId(userId).count() > 0) {
            return;
        }
        User user = identity.newUser(userId);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmail(userId + "@otklik.example");
        user.setPassword(password);
        identity.saveUser(user);
    }

    private void joinOnce(String userId, String groupId) {
        if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(userId, groupId);
        }
    }
}
