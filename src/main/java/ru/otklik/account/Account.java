package ru.otklik.account;

import ru.otklik.organization.Network;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An entry of the registry of accounts (ACC-2) with its administrators. */
public record Account(
        long id,
        String organization,
        Network network,
        String url,
        String displayName,
        String externalId,
        String purpose,
        AccountStatus status,
        /* ACC-17 */ LocalDate createdOn,
        LocalDate deletedOn,
        /* ACC-9 */ boolean textDescription,
        /* ACC-9 */ boolean designedVisuals,
        boolean officialPage,
        /* ACC-3 */ List<String> administrators,
        /* ACC-3 */ boolean twoFactorEnabled,
        /* ACC-3 */ LocalDate lastCredentialRotation,
        /* ACC-3 */ String securityOwner,
        LocalDate lastSecurityReview,
        /* ACC-13 */ LocalDate consolidatedOn,
        String source,
        String pendingRequest,
        String processInstanceId,
        String registeredBy,
        Instant registeredAt,
        Instant updatedAt) {

    public Account {
        administrators = administrators == null ? List.of() : List.copyOf(administrators);
    }

    public Account withAdministrators(List<String> names) {
        return new Account(id, organization, network, url, displayName, externalId, purpose, status, createdOn,
                deletedOn, textDescription, designedVisuals, officialPage, names, twoFactorEnabled,
                lastCredentialRotation, securityOwner, lastSecurityReview, consolidatedOn, source, pendingRequest,
                processInstanceId, registeredBy, registeredAt, updatedAt);
    }
}
