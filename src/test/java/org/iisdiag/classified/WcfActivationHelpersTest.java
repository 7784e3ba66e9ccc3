package org.iisdiag.classified;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.iisdiag.facts.EventTimes;
import org.iisdiag.facts.IisStatusCount;
import org.iisdiag.facts.SiteDefinition;
import org.iisdiag.facts.TimeTakenRange;
import org.iisdiag.facts.UriCount;
import org.iisdiag.facts.WcfHostingConfig;
import org.iisdiag.facts.WcfWebHostEvent;
import org.junit.jupiter.api.Test;

/** Which IIS 500s are WCF activation failures, and what a site's bindings give WCF as base addresses. */
class WcfActivationHelpersTest {
    private static final Instant T0 = Instant.parse("2025-11-19T07:37:00Z");

    private static IisStatusCount fiveHundreds(Instant first, String... uris) {
        return new IisStatusCount("", "W3SVC3", 500, 0, 0, 12, first, first.plusSeconds(1800),
                java.util.Arrays.stream(uris).map(u -> new UriCount(u, 4, 0)).toList(), List.of(), TimeTakenRange.NONE);
    }

    private static WcfWebHostEvent failure(String service, EventTimes times) {
        return new WcfWebHostEvent("System.ServiceModel 4.0.0.0", 3, service, "System.ServiceModel.ServiceActivationException",
                "System.ServiceModel.ServiceActivationException: ...", "System.ArgumentException", "...", "7316", 12, times, List.of());
    }

    private static EventTimes during(Instant from) {
        return EventTimes.of(java.time.LocalDateTime.ofInstant(from, java.time.ZoneOffset.UTC), true)
                .plus(EventTimes.of(java.time.LocalDateTime.ofInstant(from.plusSeconds(1800), java.time.ZoneOffset.UTC), true));
    }

    @Test
    void fiveHundredsAreActivationFailuresWhenEveryUrlIsAFailingServiceAtThatTime() {
        List<WcfWebHostEvent> failures = List.of(failure("/partner/OrderService.svc", during(T0)),
                failure("/partner/InventoryService.svc", during(T0)));
        assertThat(WcfServices.allActivationFailures(fiveHundreds(T0, "/partner/OrderService.svc",
                "/partner/orderservice.svc?wsdl", "/partner/InventoryService.svc/GetStock"), failures)).isTrue();
        assertThat(WcfServices.allActivationFailures(fiveHundreds(T0, "/partner/OrderService.svc", "/partner/report.aspx"), failures))
                .as("a page that is not a failing service").isFalse();
        assertThat(WcfServices.allActivationFailures(fiveHundreds(T0.plusSeconds(86_400), "/partner/OrderService.svc"), failures))
                .as("another day").isFalse();
        assertThat(WcfServices.allActivationFailures(fiveHundreds(T0), failures)).as("no URL").isFalse();
        // events in local time cannot be placed on the IIS log's timeline: they do not contradict it
        assertThat(WcfServices.allActivationFailures(fiveHundreds(T0.plusSeconds(86_400), "/partner/OrderService.svc"),
                List.of(failure("/partner/OrderService.svc", EventTimes.NONE)))).isTrue();
        assertThat(WcfServices.services(failures)).isEqualTo("/partner/InventoryService.svc, /partner/OrderService.svc");
        assertThat(WcfServices.firstService(failures)).isEqualTo("/partner/InventoryService.svc");
        assertThat(WcfServices.firstService(List.of())).isEmpty();
        assertThat(WcfServices.eventSource(failures)).isEqualTo("System.ServiceModel 4.0.0.0");
        assertThat(WcfServices.wcfVersion(failures)).isEqualTo("4.0.0.0");
        assertThat(WcfServices.sourceText(failures.get(0))).isEqualTo("12 x System.ServiceModel 4.0.0.0 event 3");
        assertThat(WcfServices.sourceText("a saved page")).isEmpty();
        assertThat(WcfServices.inIisLog(List.of(fiveHundreds(T0, "/partner/OrderService.svc")))).isEqualTo(" (12 in the IIS log)");
        assertThat(WcfServices.inIisLog(List.of())).isEmpty();
    }

    @Test
    void theBindingsOfOneSchemeAndTheirHostNames() {
        SiteDefinition site = new SiteDefinition(3, "Partner", List.of("http/*:80:svc.fabrikam.example",
                "https/*:443:svc.fabrikam.example", "http/*:80:partners.fabrikam.example", "http/*:8080:"), "", false, "", 50,
                true, "applicationHost.config", List.of(), "applicationHost.config:30");
        assertThat(WcfServices.bindingsOf(site, "http")).containsExactly("http/*:80:svc.fabrikam.example",
                "http/*:80:partners.fabrikam.example", "http/*:8080:");
        assertThat(WcfServices.bindingsOf(site, "https")).containsExactly("https/*:443:svc.fabrikam.example");
        assertThat(WcfServices.hostNames(WcfServices.bindingsOf(site, "http")))
                .isEqualTo("svc.fabrikam.example, partners.fabrikam.example, (any host name)");
    }

    @Test
    void whatTheConfigurationSaysAboutSeveralBaseAddresses() {
        WcfHostingConfig none = new WcfHostingConfig(false, List.of(), "partner/web.config", "",
                List.of("multipleSiteBindingsEnabled=false (absent: the WCF default)"), "partner/web.config:36");
        WcfHostingConfig filtered = new WcfHostingConfig(false, List.of("http://svc.fabrikam.example/"), "web.config", "", List.of(),
                "web.config:5");
        assertThat(none.allowsSeveralBindings()).isFalse();
        assertThat(filtered.allowsSeveralBindings()).isTrue();
        assertThat(WcfServices.hostingText(List.of(none))).startsWith("The configuration allows neither:")
                .contains("partner/web.config:36");
        assertThat(WcfServices.hostingFile(List.of(filtered, none))).isEqualTo("partner/web.config");
        assertThat(WcfServices.hostingFile(List.of(filtered))).isEmpty();
    }
}
