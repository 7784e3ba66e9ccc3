package org.iisdiag.conclusions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.iisdiag.facts.IisStatusCount;
import org.iisdiag.facts.IpSecurityConfig;
import org.iisdiag.facts.IpSecurityEntry;
import org.iisdiag.facts.Ipv4;
import org.iisdiag.facts.TimeTakenRange;
import org.iisdiag.facts.UriCount;
import org.junit.jupiter.api.Test;

class IpRestrictionsTest {
    private static IisStatusCount denied(String... clients) {
        return new IisStatusCount("", "W3SVC3", 403, 503, 0, clients.length, Instant.EPOCH, Instant.EPOCH, List.of(),
                List.of(), TimeTakenRange.NONE, java.util.Arrays.stream(clients).map(c -> new UriCount(c, 1, 0)).toList());
    }

    private static IpSecurityConfig allowList(String locationPath, IpSecurityEntry... entries) {
        return new IpSecurityConfig(false, false, "", List.of(entries), false, "applicationHost.config", locationPath,
                List.of(), "applicationHost.config:30");
    }

    @Test
    void entriesCoverTheirSubnetOnly() {
        IpSecurityEntry lan = new IpSecurityEntry("10.60.0.0", "255.255.0.0", "", true);
        assertThat(lan.covers("10.60.200.7")).isTrue();
        assertThat(lan.covers("10.61.0.1")).isFalse();
        assertThat(lan.covers("fe80::1")).isFalse();
        assertThat(new IpSecurityEntry("127.0.0.1", "", "", true).covers("127.0.0.1")).isTrue();
        assertThat(new IpSecurityEntry("", "", "contoso.example", true).covers("10.60.0.1")).isFalse();
    }

    @Test
    void theRefusedAddressesNoAllowedEntryCoversAndTheirRange() {
        IpSecurityConfig c = allowList("HR", new IpSecurityEntry("10.60.0.0", "255.255.0.0", "", true),
                new IpSecurityEntry("172.20.17.5", "", "", false));
        List<String> refused = IpRestrictions.notAllowed(denied("172.20.17.5", "172.20.30.9", "10.60.1.2"), c);
        assertThat(refused).as("a deny entry does not allow").containsExactly("172.20.17.5", "172.20.30.9");
        assertThat(IpRestrictions.range(refused)).containsExactly("172.20.16.0", "255.255.240.0", "20");
        assertThat(IpRestrictions.range(List.of("10.1.2.3", "192.168.1.1"))).as("wider than a /16").isNull();
        assertThat(IpRestrictions.range(List.of("fe80::1"))).isNull();
        assertThat(IpRestrictions.range(List.of("10.1.2.3"))).containsExactly("10.1.2.3", "255.255.255.255", "32");
        assertThat(IpRestrictions.text(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j")))
                .isEqualTo("a, b, c, d, e, f, g, h and 2 more");
    }

    @Test
    void aFewPrivateAddressesLookLikeTheProxiesInFrontOfTheSite() {
        assertThat(IpRestrictions.proxyAddresses(denied("10.40.0.11", "10.40.0.12"))).containsExactly("10.40.0.11", "10.40.0.12");
        assertThat(IpRestrictions.proxyAddresses(denied("192.168.5.1"))).containsExactly("192.168.5.1");
        assertThat(IpRestrictions.proxyAddresses(denied("10.40.0.11", "203.0.113.9"))).as("a public address reaches the server itself").isEmpty();
        assertThat(IpRestrictions.proxyAddresses(denied("10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5")))
                .as("many addresses are many clients").isEmpty();
        assertThat(IpRestrictions.proxyAddresses(denied())).isEmpty();
    }

    @Test
    void privateAddressesAreTheRfc1918Ranges() {
        assertThat(Ipv4.isPrivate("10.255.0.1")).isTrue();
        assertThat(Ipv4.isPrivate("172.16.0.1")).isTrue();
        assertThat(Ipv4.isPrivate("172.31.255.254")).isTrue();
        assertThat(Ipv4.isPrivate("172.32.0.1")).isFalse();
        assertThat(Ipv4.isPrivate("192.168.1.1")).isTrue();
        assertThat(Ipv4.isPrivate("192.169.1.1")).isFalse();
        assertThat(Ipv4.isPrivate("8.8.8.8")).isFalse();
        assertThat(Ipv4.isPrivate("fd00::1")).isFalse();
    }

    @Test
    void dottedAddresses() {
        assertThat(Ipv4.parse("255.255.255.255")).isEqualTo(0xFFFF_FFFFL);
        assertThat(Ipv4.parse("1.2.3")).isEqualTo(-1);
        assertThat(Ipv4.parse("1.2.3.256")).isEqualTo(-1);
        assertThat(Ipv4.parse("a.b.c.d")).isEqualTo(-1);
        assertThat(Ipv4.mask(0)).isEqualTo("0.0.0.0");
        assertThat(Ipv4.mask(22)).isEqualTo("255.255.252.0");
    }

    @Test
    void othersServedAfterTheFirstRefusalMeanTheRefusedAreNotTheOnlyWayIn() {
        Instant t0 = Instant.parse("2026-06-01T08:00:00Z");
        IisStatusCount refused = new IisStatusCount("", "W3SVC3", 403, 503, 0, 2, t0, t0.plusSeconds(60), List.of(),
                List.of(), TimeTakenRange.NONE, List.of(new UriCount("10.70.4.21", 2, 0)));
        IisStatusCount before = new IisStatusCount("", "W3SVC3", 200, 0, 0, 9, t0.minusSeconds(600), t0.minusSeconds(5),
                List.of(), List.of(), TimeTakenRange.NONE, List.of());
        IisStatusCount after = new IisStatusCount("", "W3SVC3", 200, 0, 0, 9, t0.minusSeconds(600), t0.plusSeconds(30),
                List.of(), List.of(), TimeTakenRange.NONE, List.of());
        IisStatusCount otherSite = new IisStatusCount("", "W3SVC4", 200, 0, 0, 9, t0, t0.plusSeconds(30),
                List.of(), List.of(), TimeTakenRange.NONE, List.of());
        assertThat(IpRestrictions.othersServedSince(refused, before)).isFalse();
        assertThat(IpRestrictions.othersServedSince(refused, after)).isTrue();
        assertThat(IpRestrictions.othersServedSince(refused, otherSite)).isFalse();
    }
}
