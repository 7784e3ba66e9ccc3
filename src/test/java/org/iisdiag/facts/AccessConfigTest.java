package org.iisdiag.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class AccessConfigTest {
    @Test
    void theSslFlagsWithoutTheHttpsRequirement() {
        AccessConfig ssl = new AccessConfig("Ssl", false, false, "applicationHost.config", "Portal", List.of(), "a:1");
        AccessConfig certs = new AccessConfig("Ssl, SslNegotiateCert", true, false, "applicationHost.config", "Portal", List.of(), "a:2");
        AccessConfig none = new AccessConfig("SslNegotiateCert", true, false, "web.config", "", List.of(), "w:3");
        assertThat(ssl.requiresSsl()).isTrue();
        assertThat(ssl.flagsWithoutSsl()).isEqualTo("None");
        assertThat(certs.flagsWithoutSsl()).isEqualTo("SslNegotiateCert");
        assertThat(none.requiresSsl()).isFalse();
    }
}
