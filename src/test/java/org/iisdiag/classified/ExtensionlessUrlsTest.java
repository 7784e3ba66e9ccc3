package org.iisdiag.classified;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ExtensionlessUrlsTest {

    @Test
    void aPathIsExtensionlessWhenItsLastSegmentHasNoExtension() {
        assertThat(ExtensionlessUrls.is("/products/details/5")).isTrue();
        assertThat(ExtensionlessUrls.is("/api/orders")).isTrue();
        assertThat(ExtensionlessUrls.is("/")).isTrue();
        assertThat(ExtensionlessUrls.is("/legacy/status.aspx")).isFalse();
        assertThat(ExtensionlessUrls.is("/Content/site.css")).isFalse();
        assertThat(ExtensionlessUrls.is(null)).isFalse();
    }

    @Test
    void aFullUrlCountsByItsPathNotItsHostQueryOrFragment() {
        assertThat(ExtensionlessUrls.is("https://shop.example.local:443/products/details/5")).isTrue();
        assertThat(ExtensionlessUrls.is("https://shop.example.local")).as("the root").isTrue();
        assertThat(ExtensionlessUrls.is("https://shop.example.local/orders?file=report.pdf")).isTrue();
        assertThat(ExtensionlessUrls.is("https://shop.example.local/report.pdf#page=2")).isFalse();
    }

    @Test
    void allNeedsUrlsAndEveryOneExtensionless() {
        assertThat(ExtensionlessUrls.all(List.of("/cart", "/api/orders"))).isTrue();
        assertThat(ExtensionlessUrls.all(List.of("/cart", "/default.aspx"))).isFalse();
        assertThat(ExtensionlessUrls.all(List.of())).isFalse();
        assertThat(ExtensionlessUrls.all(null)).isFalse();
    }
}
