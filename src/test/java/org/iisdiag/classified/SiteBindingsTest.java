package org.iisdiag.classified;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.iisdiag.facts.AnsweredBy;
import org.iisdiag.facts.HarResponse;
import org.iisdiag.facts.SiteDefinition;
import org.junit.jupiter.api.Test;

class SiteBindingsTest {
    private static SiteDefinition site(String name, String... bindings) {
        return new SiteDefinition(1, name, List.of(bindings), "", false, "", 50, true, "applicationHost.config", List.of(),
                "applicationHost.config:1");
    }

    private static HarResponse har(String host, String url) {
        return new HarResponse(host, 400, "Bad Request", AnsweredBy.HTTP_SYS, "Microsoft-HTTPAPI/2.0", "", "", "", "", "",
                1, null, null, List.of(url), "Bad Request - Invalid Hostname", -1, -1, List.of());
    }

    @Test
    void aBindingTakesItsOwnHostOnItsPortOrAnyHostWhenItNamesNone() {
        List<Object> sites = List.of(site("Shop", "https/*:443:shop.contoso.com", "http/*:80:shop.contoso.com"),
                site("Intranet", "http/10.0.0.5:8080:", "https/[::1]:8443:local.contoso.com"));
        assertThat(SiteBindings.serves(sites, "SHOP.contoso.com", 443)).isTrue();
        assertThat(SiteBindings.serves(sites, "time.contoso.com", 443)).isFalse();
        assertThat(SiteBindings.serves(sites, "shop.contoso.com", 8443)).isFalse();
        assertThat(SiteBindings.serves(sites, "anything.example", 8080)).as("empty host part takes any host").isTrue();
        assertThat(SiteBindings.serves(sites, "local.contoso.com", 8443)).as("IPv6 address before the port").isTrue();
        assertThat(SiteBindings.siteOnPort(sites, 443)).isEqualTo("Shop");
        assertThat(SiteBindings.siteOnPort(sites, 9999)).isEmpty();
        assertThat(SiteBindings.hostsOnPort(sites, 8080)).isEqualTo("(any)");
    }

    @Test
    void theSiteARequestIsRoutedToPrefersItsOwnHostOverAnyHost() {
        SiteDefinition shop = site("Shop", "https/*:443:shop.contoso.com");
        SiteDefinition any = site("Default", "https/*:443:", "http/*:80:");
        SiteDefinition other = site("Other", "http/*:80:");
        List<Object> sites = List.of(any, shop, other);
        assertThat(SiteBindings.siteFor(sites, "SHOP.contoso.com", 443)).isSameAs(shop);
        assertThat(SiteBindings.siteFor(sites, "api.contoso.com", 443)).as("the only site taking any host").isSameAs(any);
        assertThat(SiteBindings.siteFor(sites, "api.contoso.com", 80)).as("two sites take any host").isNull();
        assertThat(SiteBindings.siteFor(sites, "api.contoso.com", 8443)).isNull();
        assertThat(SiteBindings.port("api.contoso.com:8443", List.of())).isEqualTo(8443);
        assertThat(SiteBindings.port("api.contoso.com", List.of("https://api.contoso.com/x"))).isEqualTo(443);
        assertThat(SiteBindings.host("api.contoso.com:8443")).isEqualTo("api.contoso.com");
    }

    @Test
    void theHostPortAndProtocolOfABrowserRequest() {
        HarResponse https = har("time.contoso.com", "https://time.contoso.com/");
        assertThat(SiteBindings.host(https)).isEqualTo("time.contoso.com");
        assertThat(SiteBindings.port(https)).isEqualTo(443);
        assertThat(SiteBindings.protocol(https)).isEqualTo("https");
        HarResponse own = har("time.contoso.com:8080", "http://time.contoso.com:8080/a");
        assertThat(SiteBindings.host(own)).isEqualTo("time.contoso.com");
        assertThat(SiteBindings.port(own)).isEqualTo(8080);
        assertThat(SiteBindings.protocol(own)).isEqualTo("http");
    }

    @Test
    void theHttpsBindingOfASiteOrOfTheOnlySiteWithOne() {
        List<Object> sites = List.of(site("Shop", "http/*:80:shop.contoso.com", "https/*:443:shop.contoso.com"),
                site("Intranet", "http/10.0.0.5:8080:"));
        assertThat(SiteBindings.httpsBinding(sites, "shop")).isEqualTo("*:443:shop.contoso.com");
        assertThat(SiteBindings.httpsBinding(sites, "")).as("the only site with one").isEqualTo("*:443:shop.contoso.com");
        assertThat(SiteBindings.httpsBinding(sites, "Intranet")).isEmpty();
        assertThat(SiteBindings.httpsBinding(List.of(site("A", "https/*:443:a"), site("B", "https/*:443:b")), ""))
                .as("several sites, none named").isEmpty();
    }

    @Test
    void anAddressIsTakenByABindingForAllUnassignedOrForThatAddressOnItsPort() {
        List<Object> bound = List.of(site("Intranet", "http/10.0.0.5:80:", "https/10.0.0.5:443:intranet"),
                site("Api", "http/*:8080:"));
        assertThat(SiteBindings.listensOn(bound, "10.0.0.5:80")).isTrue();
        assertThat(SiteBindings.listensOn(bound, "10.0.0.9:80")).as("another address of the server").isFalse();
        assertThat(SiteBindings.listensOn(bound, "10.0.0.9:8080")).as("All Unassigned").isTrue();
        assertThat(SiteBindings.listensOn(bound, "10.0.0.9:81")).isFalse();
        assertThat(SiteBindings.listensOn(bound, "no-port")).isFalse();
        assertThat(SiteBindings.siteBoundElsewhere(bound, "10.0.0.9:80")).isEqualTo("Intranet");
        assertThat(SiteBindings.siteBoundElsewhere(bound, "10.0.0.9:8080")).as("the binding takes it").isEmpty();
        assertThat(SiteBindings.bindingElsewhere(bound, "Intranet", "10.0.0.9:443")).isEqualTo("10.0.0.5:443:intranet");
        assertThat(SiteBindings.withAddress("10.0.0.5:443:intranet", "10.0.0.9")).isEqualTo("10.0.0.9:443:intranet");
        assertThat(SiteBindings.addressOf("[fe80::5]:80:")).isEqualTo("[fe80::5]");

        List<Object> two = List.of(site("A", "http/10.0.0.5:80:"), site("B", "http/10.0.0.6:80:"));
        assertThat(SiteBindings.siteBoundElsewhere(two, "10.0.0.9:80")).as("two candidates: no single site").isEmpty();
        assertThat(SiteBindings.siteBoundElsewhere(two, "[fe80::9]:80")).isEmpty();
    }
}
