package ru.otklik.integration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretCipherTests {

    static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    @DisplayName("a secret decrypts with its key and context only, and never appears in the stored form")
    void roundTrip() {
        SecretCipher cipher = new SecretCipher(KEY);

        String stored = cipher.encrypt("topsecret", "vk-community:1");

        assertThat(stored).startsWith("v1:").doesNotContain("topsecret");
        assertThat(cipher.decrypt(stored, "vk-community:1")).isEqualTo("topsecret");
        assertThat(cipher.encrypt("topsecret", "vk-community:1")).isNotEqualTo(stored);
        assertThatThrownBy(() -> cipher.decrypt(stored, "vk-community:2")).isInstanceOf(IllegalStateException.class);
        SecretCipher otherKey = new SecretCipher(Base64.getEncoder().encodeToString(new byte[16]));
        assertThatThrownBy(() -> otherKey.decrypt(stored, "vk-community:1"))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("topsecret");
    }

    @Test
    @DisplayName("without a key no secret is stored, with a message that says what to configure")
    void noKey() {
        SecretCipher cipher = new SecretCipher("");

        assertThat(cipher.available()).isFalse();
        assertThatThrownBy(() -> cipher.encrypt("topsecret", "vk-community:1"))
                .isInstanceOf(SecretCipher.SecretsUnavailableException.class).hasMessageContaining("OTKLIK_SECRET_KEY");
    }

    @Test
    @DisplayName("a key of the wrong length stops start-up")
    void wrongKeyLength() {
        assertThatThrownBy(() -> new SecretCipher(Base64.getEncoder().encodeToString(new byte[10])))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32");
    }
}
