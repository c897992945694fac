package ru.otklik.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import ru.otklik.organization.Network;

import java.util.List;

/** Request bodies of the staff API of the registry of accounts. */
final class AccountRequestBodies {

    private AccountRequestBodies() {
    }

    /** {@code POST /api/accounts}: asks to create an account (starts {@code AccountLifecycle}). */
    record CreateAccount(
            @NotBlank(message = "укажите организацию") @Size(max = 64, message = "не длиннее 64 символов") String org,
            @NotNull(message = "укажите социальную сеть") Network network,
            @NotBlank(message = "укажите ссылку на аккаунт") @Size(max = 990, message = "не длиннее 990 символов") String url,
            @NotBlank(message = "укажите название аккаунта") @Size(max = 255, message = "не длиннее 255 символов") String displayName,
            @Size(max = 255, message = "не длиннее 255 символов") String externalId,
            @Size(max = 1000, message = "не длиннее 1000 символов") String purpose) {
    }

    /** {@code POST /api/accounts/{id}/deletion}: asks to delete an account. */
    record DeleteAccount(@Size(max = 2000, message = "не длиннее 2000 символов") String reason) {
    }

    /** {@code POST /api/accounts/{id}/changes}: asks to change an account's details; absent fields stay. */
    record ChangeAccount(
            @Size(max = 990, message = "не длиннее 990 символов") String url,
            @Size(max = 255, message = "не длиннее 255 символов") String displayName,
            @Size(max = 255, message = "не длиннее 255 символов") String externalId,
            @Size(max = 1000, message = "не длиннее 1000 символов") String purpose,
            @Size(max = 50, message = "не более 50 администраторов") List<@Size(max = 255, message = "не длиннее 255 символов") String> administrators,
            /* BLOCKED or ACTIVE */ String status,
            @Size(max = 2000, message = "не длиннее 2000 символов") String reason) {
    }
}
