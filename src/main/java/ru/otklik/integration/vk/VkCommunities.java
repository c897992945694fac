package ru.otklik.integration.vk;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.otklik.account.AccountStatus;
import ru.otklik.organization.Network;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The table {@code vk_community} (settings of the connected communities) and the read-only look-up of a
 * community's account in the registry of accounts.
 */
@Repository
class VkCommunities {

    /** A community's settings as stored: the secret still encrypted. */
    record Settings(long groupId, String organization, String confirmation, String secretCipher) {
    }

    private final JdbcClient jdbc;

    VkCommunities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Settings> find(long groupId) {
        return jdbc.sql("SELECT group_id, organization_id, confirmation, secret_cipher FROM vk_community WHERE group_id = ?")
                .param(groupId)
                .query((rs, n) -> new Settings(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** Inserts or replaces a community's settings. */
    void save(Settings settings, String actor) {
        OffsetDateTime now = OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
        for (int attempt = 0; ; attempt++) {
            int updated = jdbc.sql("""
                            UPDATE vk_community SET organization_id = :org, confirmation = :confirmation,
                                secret_cipher = :secret, updated_by = :actor, updated_at = :now
                            WHERE group_id = :groupId""")
                    .param("org", settings.organization()).param("confirmation", settings.confirmation())
                    .param("secret", settings.secretCipher()).param("actor", actor).param("now", now)
                    .param("groupId", settings.groupId())
                    .update();
            if (updated > 0) {
                return;
            }
            try {
                jdbc.sql("""
                                INSERT INTO vk_community (group_id, organization_id, confirmation, secret_cipher,
                                    updated_by, updated_at)
                                VALUES (:groupId, :org, :confirmation, :secret, :actor, :now)""")
                        .param("groupId", settings.groupId()).param("org", settings.organization())
                        .param("confirmation", settings.confirmation()).param("secret", settings.secretCipher())
                        .param("actor", actor).param("now", now)
                        .update();
                return;
            } catch (DuplicateKeyException e) {
                // Another keeper inserted the row in between: the update now finds it.
                if (attempt > 0) {
                    throw e;
                }
            }
        }
    }

    /**
     * The organizations holding the community as an active VK account. The registry keeps the network's id
     * as entered: {@code 123}, {@code club123}, {@code public123} or {@code -123} all name community 123.
     */
    List<String> activeAccountOrganizations(long groupId) {
        return jdbc.sql("""
                        SELECT DISTINCT organization_id FROM account
                        WHERE network = :network AND status = :status AND external_id IN (:ids)
                        ORDER BY organization_id""")
                .param("network", Network.VK.name())
                .param("status", AccountStatus.ACTIVE.name())
                .param("ids", externalIds(groupId))
                .query(String.class).list();
    }

    static List<String> externalIds(long groupId) {
        return List.of(Long.toString(groupId), "club" + groupId, "public" + groupId, "event" + groupId,
                "-" + groupId);
    }
}
