package ru.otklik.content.moderation;

import ru.otklik.account.AccountRegistry;
import ru.otklik.account.NetworkDomains;
import ru.otklik.organization.Network;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Test data of the moderation tests: accounts with unique URLs, unique author ids. */
final class ModerationTesting {

    private ModerationTesting() {
    }

    static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** An active VK account of the organization, entered as by the initial import. */
    static long vkAccount(AccountRegistry accounts, String org) {
        String id = unique();
        return accounts.insertImported(new AccountRegistry.NewAccount(org, Network.VK,
                        NetworkDomains.parse(Network.VK, "https://vk.com/club" + id, "url"), "Сообщество " + id, id,
                        "Аккаунт органа", "Пресс-секретарь"),
                new AccountRegistry.ExistingDetails(LocalDate.of(2020, 2, 1), false, true, true, true, null, List.of()),
                "test");
    }
}
