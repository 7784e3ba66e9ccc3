package org.iisdiag.classified;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.iisdiag.facts.FailedRequestTrace;
import org.iisdiag.facts.HttpRuntimeConfig;
import org.iisdiag.facts.IisStatusCount;
import org.iisdiag.facts.RequestLimitsConfig;
import org.iisdiag.facts.ServerTraffic;
import org.iisdiag.facts.TimeTakenRange;
import org.iisdiag.facts.UriCount;
import org.iisdiag.facts.WebFarmConfig;
import org.junit.jupiter.api.Test;

/** WCF .svc paths and the limits in front of them; waits of refused client certificates; ARR's unparsable answers. */
class WcfCrlArrHelpersTest {
    private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");

    private static IisStatusCount count(int status, int substatus, long win32, TimeTakenRange time, String... uris) {
        return new IisStatusCount("WEB01", "W3SVC1", status, substatus, win32, 3, T0, T0.plusSeconds(600),
                java.util.Arrays.stream(uris).map(u -> new UriCount(u, 1, 0)).toList(), List.of(), time);
    }

    @Test
    void svcPathsKeepOnlyWcfEndpointsWithoutTheirQuery() {
        TimeTakenRange none = new TimeTakenRange(0, 0, 0, 0, null);
        assertThat(WcfServices.svcPaths(count(413, 0, 0, none, "/Intake/IntakeService.svc?wsdl", "/upload.ashx",
                "/Api/Orders.svc/submit"))).isEqualTo("/Api/Orders.svc/submit, /Intake/IntakeService.svc");
        assertThat(WcfServices.svcPaths(count(413, 0, 0, none, "/upload.ashx"))).isEmpty();
        assertThat(WcfServices.svcPaths("not a count")).isEmpty();
    }

    @Test
    void theLimitsInFrontOfTheServiceAreComparedWithTheQuota() {
        RequestLimitsConfig limits = new RequestLimitsConfig(52_428_800, 4096, 2048, "web.config", "", List.of(), "web.config:14");
        HttpRuntimeConfig runtime = new HttpRuntimeConfig(110, 51_200, "web.config", "", List.of(), "web.config:9");
        assertThat(WcfServices.limitsText(List.of(limits, runtime), 65_536))
                .contains("request filtering allows 52,428,800 bytes", "ASP.NET allows 51,200 KB", "not what refuses");
        assertThat(WcfServices.limitsText(List.of(runtime), 104_857_600)).contains("raise these with the quota");
        assertThat(WcfServices.limitsText(List.of(), 65_536)).isEmpty();
    }

    @Test
    void refusalsThatWaitedForTheCrlDownloadSaySo() {
        assertThat(ClientCertificates.waitText(count(403, 13, 2148081683L, new TimeTakenRange(3, 15_031, 15_238, 15_100, T0))))
                .contains("15,031-15,238 ms", "15,000 ms");
        assertThat(ClientCertificates.waitText(count(403, 13, 0, new TimeTakenRange(3, 8, 12, 10, T0)))).as("at once").isEmpty();
        assertThat(ClientCertificates.waitText(count(403, 13, 0, new TimeTakenRange(0, 0, 0, 0, null)))).as("not logged").isEmpty();
    }

    @Test
    void whatTheCaseShowsOfBackEndsWhoseAnswersArrCouldNotParse() {
        ServerTraffic web21 = new ServerTraffic("WEB21", 695, 0, 0, T0, T0.plusSeconds(3600));
        ServerTraffic web22 = new ServerTraffic("WEB22", 400, 0, 12, T0, T0.plusSeconds(3600));
        FailedRequestTrace trace = new FailedRequestTrace("fr1.xml", "/portal/", "GET", "1", "ProxyPool", "3316", "anonymous", "",
                null, 502, 3, 31, "STATUS_CODE", "ApplicationRequestRouting", "EXECUTE_REQUEST_HANDLER", "0x80072f78", "", "", "",
                0, "", "10.40.2.21", "", "", 0, List.of(), 0, null, 6, false, List.of());
        assertThat(ArrCorrelation.answeredText(List.of(web21), List.of(trace)))
                .contains("WEB21 logged 695 requests (0 5xx)", "the back end answered", "routed such a request to 10.40.2.21");
        assertThat(ArrCorrelation.answeredText(List.of(web22), List.of())).contains("compare its entries").doesNotContain("answered,");
        assertThat(ArrCorrelation.answeredText(List.of(), List.of())).isEmpty();
        WebFarmConfig farm = new WebFarmConfig("PortalFarm", true, List.of("10.40.2.21", "10.40.2.22"), 120, "",
                "applicationHost.config", List.of(), "");
        assertThat(ArrCorrelation.routedTo(List.of(trace), List.of(farm))).isEqualTo("10.40.2.21");
        assertThat(ArrCorrelation.routedTo(List.of(), List.of(farm))).isEqualTo("10.40.2.21, 10.40.2.22");
        assertThat(ArrCorrelation.pathOf("/portal/orders/detail?id=7")).isEqualTo("/portal/orders/detail");
    }
}
