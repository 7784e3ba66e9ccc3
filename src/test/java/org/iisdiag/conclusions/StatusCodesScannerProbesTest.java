package org.iisdiag.conclusions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.iisdiag.TestPack;
import org.iisdiag.facts.IisStatusCount;
import org.iisdiag.facts.TimeTakenRange;
import org.iisdiag.facts.UriCount;
import org.iisdiag.knowledge.KnowledgeBase;
import org.iisdiag.knowledge.KnowledgeBaseLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The site's own refused URLs are told from scanner probes refused in the same status (shipped signatures). */
class StatusCodesScannerProbesTest {
    private static final Instant T = Instant.parse("2026-11-23T13:02:19Z");
    private static KnowledgeBase kb;

    @BeforeAll
    static void load() throws Exception {
        kb = KnowledgeBaseLoader.load(TestPack.kb());
    }

    private static IisStatusCount refused(UriCount... uris) {
        return new IisStatusCount("", "W3SVC3", 404, 11, 0, 9, T, T, List.of(uris), List.of(), TimeTakenRange.NONE);
    }

    @Test
    void siteRequestsAreNamedAndTheProbesAreSetApart() {
        IisStatusCount mixed = refused(new UriCount("/cgi-bin/%252e%252e/%252e%252e/etc/passwd", 3, 0),
                new UriCount("/tags/c++", 2, 0), new UriCount("/search/c%2B%2B+templates", 1, 0));
        assertThat(StatusCodes.urlsOf(mixed)).contains("/etc/passwd");
        assertThat(StatusCodes.siteUrlsOf(kb, mixed)).isEqualTo("/tags/c++, /search/c%2B%2B+templates");
        assertThat(StatusCodes.scannerProbesAmong(kb, mixed))
                .startsWith(" 3 of these requests (/cgi-bin/%252e%252e/%252e%252e/etc/passwd) match known vulnerability-scanner")
                .contains("only the site's own requests need a decision");
    }

    @Test
    void slowRequestsAreNamedByTheirSlowestUriBeforeTheUrisErrorsKeep() {
        IisStatusCount ok = new IisStatusCount("", "W3SVC1", 200, 0, 0, 500, T, T, List.of(), List.of(),
                new TimeTakenRange(500, 5, 174_996, 900, T, "/reports/stock.asp"));
        IisStatusCount err = new IisStatusCount("", "W3SVC1", 500, 0, 0, 3, T, T,
                List.of(new UriCount("/orders/list.asp", 3, 3)), List.of(), new TimeTakenRange(3, 30_000, 31_000, 30_500, T));
        assertThat(StatusCodes.slowest(List.of(err, ok))).isEqualTo("174,996 ms (200.0 on /reports/stock.asp)");
        assertThat(StatusCodes.slowest(List.of(err))).isEqualTo("31,000 ms (500.0 on /orders/list.asp)");
        assertThat(StatusCodes.slowUrls(List.of(err, ok))).isEqualTo("/reports/stock.asp, /orders/list.asp");
    }

    @Test
    void allSiteRequestsOrAllProbesAreListedAsTheyAre() {
        IisStatusCount site = refused(new UriCount("/tags/c++", 2, 0));
        assertThat(StatusCodes.siteUrlsOf(kb, site)).isEqualTo("/tags/c++");
        assertThat(StatusCodes.scannerProbesAmong(kb, site)).isEmpty();
        IisStatusCount probes = refused(new UriCount("/scripts/..%252f..%252fwindows/win.ini", 1, 0));
        assertThat(StatusCodes.siteUrlsOf(kb, probes)).isEqualTo("/scripts/..%252f..%252fwindows/win.ini");
        assertThat(StatusCodes.scannerProbesAmong(kb, probes)).isEmpty();
        assertThat(StatusCodes.siteUrlsOf(kb, "not a count")).isEmpty();
    }
}
