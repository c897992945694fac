package ru.otklik.integration.vk;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.otklik.integration.SecretCipher;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A community's VK API access token (MSG-16): the one the registry keeper stored (table {@code vk_api_token},
 * encrypted), else the one of the environment ({@code otklik.vk.api.tokens}). A token is used only for
 * answers of an organization whose active VK account the community is.
 */
@Repository
class VkTokens {

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final VkCommunities communities;
    private final VkApiProperties properties;

    VkTokens(JdbcClient jdbc, SecretCipher cipher, VkCommunities communities, VkApiProperties properties) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.communities = communities;
        this.properties = properties;
    }

    /** Whether the organization has a token for the community, without decrypting it. */
    boolean configured(long groupId, String organization) {
        return stored(groupId, organization).isPresent() || environment(groupId, organization).isPresent();
    }

    /**
     * @throws SecretCipher.SecretsUnavailableException when the stored token cannot be decrypted for want of a key
     */
    Optional<String> find(long groupId, String organization) {
        return stored(groupId, organization).map(c -> cipher.decrypt(c, context(groupId)))
                .or(() -> environment(groupId, organization));
    }

    private Optional<String> stored(long groupId, String organization) {
        return jdbc.sql("SELECT token_cipher FROM vk_api_token WHERE group_id = ? AND organization_id = ?")
                .param(groupId).param(organization).query(String.class).optional()
                .filter(c -> communities.activeAccountOrganizations(groupId).contains(organization));
    }

    private Optional<String> environment(long groupId, String organization) {
        return Optional.ofNullable(properties.tokens().get(groupId)).filter(t -> !t.isBlank())
                .filter(t -> communities.activeAccountOrganizations(groupId).contains(organization));
    }

    /** Stores (or replaces) the token, encrypted. */
    void save(long groupId, String organization, String token, String actor) {
        String encrypted = cipher.encrypt(token, context(groupId));
        OffsetDateTime now = OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
        int updated = jdbc.sql("""
                        UPDATE vk_api_token SET organization_id = :org, token_cipher = :cipher, updated_by = :actor,
                            updated_at = :now WHERE group_id = :groupId""")
                .param("org", organization).param("cipher", encrypted).param("actor", actor).param("now", now)
                .param("groupId", groupId).update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO vk_api_token (group_id, organization_id, token_cipher, updated_by, updated_at)
                            VALUES (:groupId, :org, :cipher, :actor, :now)""")
                    .param("groupId", groupId).param("org", organization).param("cipher", encrypted)
                    .param("actor", actor).param("now", now).update();
        }
    }

    /** @return whether a stored token was removed */
    boolean delete(long groupId, String organization) {
        return jdbc.sql("DELETE FROM vk_api_token WHERE group_id = ? AND organization_id = ?")
                .param(groupId).param(organization).update() > 0;
    }

    /** The associated data of a community's token: a ciphertext decrypts only for its own community. */
    static String context(long groupId) {
        return "vk-token:" + groupId;
    }
}
