package org.iisdiag.evidence.har;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HttpVersionsTest {
    @Test
    void browsersSpellingsOfAVersionAreOne() {
        assertThat(HttpVersions.normalize("h2")).isEqualTo("HTTP/2");
        assertThat(HttpVersions.normalize("http/2.0")).isEqualTo("HTTP/2");
        assertThat(HttpVersions.normalize("HTTP/2")).isEqualTo("HTTP/2");
        assertThat(HttpVersions.normalize("h3")).isEqualTo("HTTP/3");
        assertThat(HttpVersions.normalize("http/1.1")).isEqualTo("HTTP/1.1");
        assertThat(HttpVersions.normalize("unknown")).isEmpty();
        assertThat(HttpVersions.of("", "h2")).isEqualTo("HTTP/2");
        assertThat(HttpVersions.of("http/1.1", "h2")).isEqualTo("HTTP/1.1");
    }

    @Test
    void aChallengeKeepsItsSchemesNotItsToken() {
        assertThat(HttpVersions.schemes("Negotiate oYG2MIGzoAMKAQGh")).containsExactly("Negotiate");
        assertThat(HttpVersions.schemes("Negotiate\nNTLM")).containsExactly("Negotiate", "NTLM");
        assertThat(HttpVersions.schemes("Basic realm=\"x\"")).containsExactly("Basic");
        assertThat(HttpVersions.schemes("  ")).isEmpty();
        assertThat(HttpVersions.schemes("<script>")).isEmpty();
    }
}
