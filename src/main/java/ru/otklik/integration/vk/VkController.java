package ru.otklik.integration.vk;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import ru.otklik.integration.SecretCipher;
import ru.otklik.security.CurrentStaff;
import ru.otklik.web.InvalidFieldException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The VK Callback API endpoint (no login: VK proves itself with the community's secret key) and the staff
 * endpoints that connect a community and set its API access token (HTTP Basic).
 */
@RestController
class VkController {

    static final String CALLBACK_PATH = "/api/integrations/vk/callback";
    static final String TOKEN_PATH = "/api/integrations/vk/communities/{groupId:\\d{1,18}}/token";
    /** Callback API events are a few kilobytes; a message with many attachments stays far below this. */
    static final int MAX_BODY = 512 * 1024;
    private static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    private final VkCallback callback;
    private final VkCommunitySettings settings;

    VkController(VkCallback callback, VkCommunitySettings settings) {
        this.callback = callback;
        this.settings = settings;
    }

    /**
     * VK posts JSON; the body is read raw so that a malformed one is our 400, not a converter's, and with a
     * limit, since anyone can post here.
     */
    @PostMapping(CALLBACK_PATH)
    ResponseEntity<String> callback(HttpServletRequest request) throws IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE,
                    "Событие больше " + MAX_BODY / 1024 + " КБ: это не событие Callback API");
        }
        return ResponseEntity.ok().contentType(TEXT).body(callback.handle(body));
    }

    /**
     * @param confirmation the string VK shows under «Строка, которую должен вернуть сервер»
     * @param secret       the «Секретный ключ» entered in the community's Callback API settings
     * @param org          only when the community is an account of several organizations
     */
    record CommunityRequest(
            @NotBlank(message = "обязательное поле: строка подтверждения из настроек Callback API")
            @Size(max = 64, message = "не длиннее {max} символов")
            @Pattern(regexp = "[A-Za-z0-9]*", message = "только латинские буквы и цифры")
            String confirmation,

            @NotBlank(message = "обязательное поле: секретный ключ из настроек Callback API")
            @Size(max = 50, message = "не длиннее {max} символов (ограничение ВКонтакте)")
            @Pattern(regexp = "[A-Za-z0-9]*", message = "только латинские буквы и цифры (ограничение ВКонтакте)")
            String secret,

            @Size(max = 64, message = "не длиннее {max} символов")
            String org) {

        /** Keeps the secret out of logs and error messages. */
        @Override
        public String toString() {
            return "CommunityRequest[confirmation=" + confirmation + ", secret=***, org=" + org + "]";
        }
    }

    @PutMapping(path = "/api/integrations/vk/communities/{groupId:\\d{1,18}}", consumes = MediaType.APPLICATION_JSON_VALUE)
    VkCommunitySettings.View community(@PathVariable long groupId, @Valid @RequestBody CommunityRequest request) {
        if (groupId <= 0) {
            throw new InvalidFieldException("groupId", "нужен положительный id сообщества");
        }
        return settings.save(groupId, request.org(), request.confirmation(), request.secret(), CurrentStaff.get());
    }

    /**
     * @param accessToken a VK API access token of the community (or of an administrator of it) with the rights
     *                    to comment on its wall and board and to send its messages
     * @param org         only when the community is an account of several organizations
     */
    record TokenRequest(
            @NotBlank(message = "обязательное поле: ключ доступа к API ВКонтакте")
            @Size(max = 512, message = "не длиннее {max} символов")
            @Pattern(regexp = "[\\x21-\\x7E]*", message = "ключ доступа — латинские буквы, цифры и знаки без пробелов")
            String accessToken,

            @Size(max = 64, message = "не длиннее {max} символов")
            String org) {

        /** Keeps the token out of logs and error messages. */
        @Override
        public String toString() {
            return "TokenRequest[accessToken=***, org=" + org + "]";
        }
    }

    /** MSG-16: the community's API access token, write-only. */
    @PutMapping(path = TOKEN_PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    VkCommunitySettings.TokenView token(@PathVariable long groupId, @Valid @RequestBody TokenRequest request) {
        return settings.saveToken(positive(groupId), request.org(), request.accessToken(), CurrentStaff.get());
    }

    @DeleteMapping(TOKEN_PATH)
    VkCommunitySettings.TokenView deleteToken(@PathVariable long groupId,
                                              @RequestParam(required = false) String org) {
        return settings.deleteToken(positive(groupId), org, CurrentStaff.get());
    }

    private static long positive(long groupId) {
        if (groupId <= 0) {
            throw new InvalidFieldException("groupId", "нужен положительный id сообщества");
        }
        return groupId;
    }

    @ExceptionHandler(VkCallback.VkCallbackRefusedException.class)
    ProblemDetail refused(VkCallback.VkCallbackRefusedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Событие отклонено");
        return problem;
    }

    @ExceptionHandler(SecretCipher.SecretsUnavailableException.class)
    ProblemDetail secretsUnavailable(SecretCipher.SecretsUnavailableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Шифрование секретов не настроено");
        return problem;
    }
}
