package ru.otklik.integration.vk;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.otklik.integration.SecretCipher;
import ru.otklik.organization.Role;
import ru.otklik.security.OrganizationAccessDeniedException;
import ru.otklik.security.Staff;
import ru.otklik.web.InvalidFieldException;
import ru.otklik.web.NotFoundException;

import java.util.List;

/**
 * Connects a VK community to the Callback API (its confirmation string and secret key) and to the VK API that
 * posts answers (its access token, MSG-16), set by the registry keeper of the organization whose active account
 * the community is (ACC-2), or an administrator. Secrets are encrypted before they are stored and never shown
 * again.
 */
@Service
class VkCommunitySettings {

    private static final Logger log = LoggerFactory.getLogger(VkCommunitySettings.class);

    private final VkCommunities communities;
    private final SecretCipher cipher;
    private final VkTokens tokens;

    VkCommunitySettings(VkCommunities communities, SecretCipher cipher, VkTokens tokens) {
        this.communities = communities;
        this.cipher = cipher;
        this.tokens = tokens;
    }

    /** What a keeper sees after saving: never the secret. */
    record View(long groupId, String organization, String confirmation, boolean secretSet, String callbackPath) {
    }

    /**
     * @param org optional: the organization, needed only when the community is an active account of several
     *            organizations the caller keeps
     * @throws NotFoundException                   404: no active VK account holds the community
     * @throws OrganizationAccessDeniedException   403: the caller keeps none of those organizations' registries
     * @throws SecretCipher.SecretsUnavailableException 503: no encryption key configured
     */
    @Transactional
    View save(long groupId, String org, String confirmation, String secret, Staff staff) {
        String organization = keeperOrganization(groupId, org, staff);
        String encrypted = cipher.encrypt(secret, context(groupId));
        communities.save(new VkCommunities.Settings(groupId, organization, confirmation, encrypted), staff.userId());
        log.info("VK community {} of {} connected to the Callback API by {}", groupId, organization, staff.userId());
        return new View(groupId, organization, confirmation, true, VkController.CALLBACK_PATH);
    }

    /** What a keeper sees after setting or removing an API token: never the token. */
    record TokenView(long groupId, String organization, boolean tokenSet) {
    }

    /**
     * MSG-16: stores the community's VK API access token, encrypted, for posting answers automatically; the same
     * checks and errors as {@link #save}.
     */
    @Transactional
    TokenView saveToken(long groupId, String org, String token, Staff staff) {
        String organization = keeperOrganization(groupId, org, staff);
        tokens.save(groupId, organization, token, staff.userId());
        log.info("VK API token of community {} of {} set by {}", groupId, organization, staff.userId());
        return new TokenView(groupId, organization, true);
    }

    /** MSG-16: removes the stored token; answers are then posted by hand (or with the environment's token). */
    @Transactional
    TokenView deleteToken(long groupId, String org, Staff staff) {
        String organization = keeperOrganization(groupId, org, staff);
        if (tokens.delete(groupId, organization)) {
            log.info("VK API token of community {} of {} removed by {}", groupId, organization, staff.userId());
        }
        return new TokenView(groupId, organization, tokens.configured(groupId, organization));
    }

    /**
     * The organization whose registry keeper the caller is and whose active VK account the community is (ACC-2).
     *
     * @throws NotFoundException                 404: no active VK account holds the community
     * @throws OrganizationAccessDeniedException 403: the caller keeps none of those organizations' registries
     */
    private String keeperOrganization(long groupId, String org, Staff staff) {
        List<String> holders = communities.activeAccountOrganizations(groupId);
        if (org != null && !org.isBlank()) {
            holders = holders.stream().filter(org.trim()::equals).toList();
        }
        if (holders.isEmpty()) {
            throw new NotFoundException("Сообщество ВКонтакте " + groupId + " не найдено среди действующих аккаунтов "
                    + "реестра" + (org == null || org.isBlank() ? "" : " организации " + org.trim())
                    + ": внесите аккаунт с id сообщества " + groupId + " (или club" + groupId + ")");
        }
        List<String> allowed = holders.stream().filter(o -> staff.hasRole(o, Role.REGISTRY_KEEPER)).toList();
        if (allowed.isEmpty()) {
            throw new OrganizationAccessDeniedException(staff.userId(), holders.get(0));
        }
        if (allowed.size() > 1) {
            throw new InvalidFieldException("org", "сообщество — аккаунт нескольких организаций (" + String.join(", ",
                    allowed) + "): укажите организацию");
        }
        return allowed.get(0);
    }

    /** The associated data of a community's secret: a ciphertext decrypts only for its own community. */
    static String context(long groupId) {
        return "vk-community:" + groupId;
    }
}
