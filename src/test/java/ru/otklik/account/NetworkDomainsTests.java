package ru.otklik.account;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.otklik.organization.Network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The domains of each network and the normalization that makes one URL register once. */
class NetworkDomainsTests {

    @ParameterizedTest(name = "{0} {1} → {2}")
    @DisplayName("a URL of the network's domains is normalized: lowercase host, no www., no trailing slash")
    @CsvSource({
            "VK, https://vk.com/zags42, https://vk.com/zags42",
            "VK, https://www.VK.com/zags42/, https://vk.com/zags42",
            "VK, HTTPS://vk.ru/club1, https://vk.ru/club1",
            "VK, https://m.vk.com/zags42#wall, https://m.vk.com/zags42",
            "OK, https://ok.ru/group/5555, https://ok.ru/group/5555",
            "TELEGRAM, https://t.me/zags_kuzbass, https://t.me/zags_kuzbass",
            "TWITTER, https://x.com/kuzbass, https://x.com/kuzbass",
            "TWITTER, https://twitter.com/kuzbass, https://twitter.com/kuzbass",
            "INSTAGRAM, https://www.instagram.com/kuzbass/, https://instagram.com/kuzbass",
            "FACEBOOK, https://fb.com/kuzbass, https://fb.com/kuzbass",
            "BLOG, https://blog.kuzbass.ru/minzdrav, https://blog.kuzbass.ru/minzdrav",
            "OTHER, http://forum.example.org:8080/kuzbass?id=1, http://forum.example.org:8080/kuzbass?id=1",
            "VK, https://vk.com:443/zags42, https://vk.com/zags42"})
    void accepted(Network network, String raw, String normalized) {
        assertThat(NetworkDomains.parse(network, raw, "url").url()).isEqualTo(normalized);
    }

    @ParameterizedTest(name = "{0} {1}")
    @DisplayName("a URL outside the network's domains, not https for a blog, or not a web address is refused")
    @CsvSource({
            "VK, https://ok.ru/zags42",
            "VK, https://vk.com.evil.example/zags42",
            "OK, https://odnoklassniki.example/zags",
            "TELEGRAM, https://telegram.org/zags",
            "INSTAGRAM, https://facebook.com/zags",
            "BLOG, http://blog.kuzbass.ru/minzdrav",
            "OTHER, ftp://files.example.org/zags",
            "VK, vk.com/zags42",
            "VK, javascript:alert(1)",
            "VK, https://user:secret@vk.com/zags42"})
    void refused(Network network, String raw) {
        assertThatThrownBy(() -> NetworkDomains.parse(network, raw, "url"))
                .isInstanceOf(AccountValidationException.class)
                .satisfies(e -> assertThat(((AccountValidationException) e).field()).isEqualTo("url"));
    }

    @Test
    @DisplayName("http and https, www. and case of the host share one key; the path is kept")
    void key() {
        assertThat(NetworkDomains.parse(Network.VK, "http://www.vk.com/Zags42/", "url").key())
                .isEqualTo(NetworkDomains.parse(Network.VK, "https://VK.COM/Zags42", "url").key())
                .isEqualTo("vk.com/Zags42");
    }

    @Test
    @DisplayName("the error names the network and its domains")
    void message() {
        assertThatThrownBy(() -> NetworkDomains.parse(Network.FACEBOOK, "https://vk.com/x", "url"))
                .hasMessageContaining("«Facebook»").hasMessageContaining("facebook.com, fb.com");
    }

    @Test
    @DisplayName("every network has a Russian name")
    void titles() {
        for (Network network : Network.values()) {
            assertThat(NetworkDomains.title(network)).isNotBlank();
        }
        assertThat(NetworkDomains.title(Network.VK)).isEqualTo("ВКонтакте");
    }
}
