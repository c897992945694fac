package ru.otklik.integration.vk;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Map;

/**
 * Settings of the VK API that posts answers ({@code otklik.vk.api.*}, MSG-16).
 *
 * @param baseUrl        where the methods are ({@code <baseUrl>/wall.createComment})
 * @param version        the API version sent with every call
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout    how long to wait for an answer; a call that times out may still have posted, so the next
 *                       attempt checks VK before posting again
 * @param tokens         access tokens by community id from the environment
 *                       ({@code OTKLIK_VK_API_TOKENS_<group id>}); a token the registry keeper stored wins
 */
@ConfigurationProperties("otklik.vk.api")
record VkApiProperties(@DefaultValue("https://api.vk.com/method") String baseUrl,
                       @DefaultValue("5.199") String version,
                       @DefaultValue("5s") Duration connectTimeout,
                       @DefaultValue("20s") Duration readTimeout,
                       Map<Long, String> tokens) {

    VkApiProperties {
        tokens = tokens == null ? Map.of() : Map.copyOf(tokens);
    }

    /** Keeps the tokens out of logs. */
    @Override
    public String toString() {
        return "VkApiProperties[baseUrl=" + baseUrl + ", version=" + version + ", tokens=" + tokens.keySet() + "]";
    }
}
