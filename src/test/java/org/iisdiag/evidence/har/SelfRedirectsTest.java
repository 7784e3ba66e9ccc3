package org.iisdiag.evidence.har;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SelfRedirectsTest {
    @Test
    void aLocationThatResolvesToTheAskedUrlIsALoop() {
        assertThat(SelfRedirects.key("https://Shop.example/cart", "https://shop.example:443/cart"))
                .containsExactly("https://shop.example/cart", "https");
        assertThat(SelfRedirects.key("https://shop.example/cart", "/cart")).containsExactly("https://shop.example/cart", "https");
    }

    @Test
    void anUpgradeOrAnotherPathIsNoLoop() {
        assertThat(SelfRedirects.key("http://shop.example/cart", "https://shop.example/cart")).isNull();
        assertThat(SelfRedirects.key("https://shop.example/cart", "https://shop.example/cart/")).isNull();
        assertThat(SelfRedirects.key("https://shop.example/cart?a=1", "https://shop.example/cart")).isNull();
        assertThat(SelfRedirects.key("not a url", "/cart")).isNull();
        assertThat(SelfRedirects.key("https://shop.example/cart", "")).isNull();
    }
}
