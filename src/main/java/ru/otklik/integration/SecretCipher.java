package ru.otklik.integration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encrypts the secrets of the network connectors (e.g. a VK community's secret key) before they are stored:
 * AES-GCM with a 96-bit random nonce and a 128-bit tag, the key from the environment
 * ({@code OTKLIK_SECRET_KEY}, or the property {@code otklik.integrations.secret-key}: 16, 24 or 32 bytes in
 * Base64). The associated data binds a ciphertext to the row it belongs to, so that a ciphertext copied to
 * another row does not decrypt. Without a key, encryption is unavailable and no secret can be set.
 */
@Component
public class SecretCipher {

    /** Prefix of the stored form; a later key or algorithm gets a new version. */
    static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public SecretCipher(@Value("${otklik.integrations.secret-key:${OTKLIK_SECRET_KEY:}}") String base64Key) {
        this.key = parseKey(base64Key);
    }

    private static SecretKeySpec parseKey(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("otklik.integrations.secret-key (OTKLIK_SECRET_KEY) is not valid Base64");
        }
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new IllegalStateException("otklik.integrations.secret-key (OTKLIK_SECRET_KEY) must be 16, 24 or 32 "
                    + "bytes in Base64, e.g. the output of `openssl rand -base64 32`; it is " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** Whether a key is configured. */
    public boolean available() {
        return key != null;
    }

    /**
     * @param context what the secret belongs to (e.g. {@code vk-community:123}); needed again to decrypt
     * @throws SecretsUnavailableException when no key is configured
     */
    public String encrypt(String plain, String context) {
        requireKey();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return VERSION + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /**
     * @throws SecretsUnavailableException when no key is configured
     * @throws IllegalStateException       when the value was not encrypted with this key and context
     */
    public String decrypt(String stored, String context) {
        requireKey();
        if (stored == null || !stored.startsWith(VERSION)) {
            throw new IllegalStateException("Not an encrypted secret of version " + VERSION);
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(stored.substring(VERSION.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // The message names neither the key nor the secret.
            throw new IllegalStateException("The secret does not decrypt with the configured key (key changed?)");
        }
    }

    private void requireKey() {
        if (key == null) {
            throw new SecretsUnavailableException();
        }
    }

    /** No key is configured: secrets cannot be stored or read. */
    public static class SecretsUnavailableException extends RuntimeException {

        public SecretsUnavailableException() {
            super("Шифрование секретов не настроено: администратор должен задать ключ в переменной окружения "
                    + "OTKLIK_SECRET_KEY (32 байта в Base64, например `openssl rand -base64 32`) и перезапустить "
                    + "приложение");
        }
    }
}
