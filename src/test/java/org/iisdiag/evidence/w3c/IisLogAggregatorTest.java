package org.iisdiag.evidence.w3c;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iisdiag.evidence.Fixtures.iis;
import static org.iisdiag.evidence.Fixtures.text;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.iisdiag.evidence.ReadReport;
import org.iisdiag.evidence.Timeline;
import org.iisdiag.facts.IisStatusCount;
import org.iisdiag.facts.TimeTakenRange;
import org.iisdiag.facts.TimeTakenSummary;
import org.iisdiag.facts.UriCount;
import org.junit.jupiter.api.Test;

class IisLogAggregatorTest {
    private static final String FIELDS =
            "#Fields: date time cs-method cs-uri-stem cs-uri-query cs(Cookie) sc-status sc-substatus sc-win32-status time-taken\n";

    private static String entry(int second, String stem, String query, int status, int timeTaken) {
        return String.format("2025-01-09 10:%02d:%02d GET %s %s SESSION=abc;+theme=dark %d 0 0 %d%n",
                second / 60 % 60, second % 60, stem, query, status, timeTaken);
    }

    @Test
    void countsFirstLastSeenAndDeterministicOrderAcrossFiles() throws IOException {
        IisLogAggregator agg = new IisLogAggregator();
        iis(agg, "b.log", "W3SVC2", text(FIELDS + entry(5, "/a", "-", 500, 1) + entry(1, "/a", "-", 500, 1)));
        iis(agg, "a.log", "W3SVC1", text(FIELDS + entry(9, "/a", "-", 500, 1) + entry(3, "/a", "-", 200, 1)
                + entry(7, "/a", "-", 500, 1)));
        List<IisStatusCount> c = agg.statusCounts();
        assertThat(c).extracting(IisStatusCount::site, IisStatusCount::status, IisStatusCount::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple("W3SVC1", 200, 1L),
                org.assertj.core.groups.Tuple.tuple("W3SVC1", 500, 2L),
                org.assertj.core.groups.Tuple.tuple("W3SVC2", 500, 2L));
        // first/last are by time, not by file order
        assertThat(c.get(1).firstSeen()).isEqualTo(Instant.parse("2025-01-09T10:00:07Z"));
        assertThat(c.get(1).lastSeen()).isEqualTo(Instant.parse("2025-01-09T10:00:09Z"));
        assertThat(c.get(2).firstSeen()).isEqualTo(Instant.parse("2025-01-09T10:00:01Z"));
        assertThat(c.get(2).lastSeen()).isEqualTo(Instant.parse("2025-01-09T10:00:05Z"));
        assertThat(agg.statusCounts()).isEqualTo(c); // same facts when asked again
    }

    @Test
    void topUrisFindTheHeavyHittersOfASkewedDistributionOnlyForErrors() throws IOException {
        StringBuilder log = new StringBuilder(FIELDS);
        int s = 0;
        // 2,000 one-off scanner URIs interleaved with three hot URIs: far more distinct URIs than the sketch holds
        for (int i = 0; i < 2000; i++) {
            log.append(entry(s++, "/scan/" + i, "-", 404, 1));
            if (i % 4 == 0) {
                log.append(entry(s++, "/hot/one", "-", 404, 1));
            }
            if (i % 8 == 0) {
                log.append(entry(s++, "/hot/two", "-", 404, 1));
            }
            if (i % 16 == 0) {
                log.append(entry(s++, "/hot/three", "-", 404, 1));
            }
            log.append(entry(s++, "/ok/" + i, "-", 200, 1));
        }
        IisLogAggregator agg = new IisLogAggregator();
        ReadReport r = iis(agg, "f.log", "", text(log.toString()));
        assertThat(r.rejected()).isZero();
        IisStatusCount notFound = agg.statusCounts().stream().filter(c -> c.status() == 404).findFirst().orElseThrow();
        List<UriCount> top = notFound.topUris();
        assertThat(top).hasSize(KeyStats.TOP_URIS);
        assertThat(top.subList(0, 3)).extracting(UriCount::uri).containsExactly("/hot/one", "/hot/two", "/hot/three");
        // Space-Saving guarantees: count - error <= true count <= count
        assertThat(top.get(0).count() - top.get(0).error()).isLessThanOrEqualTo(500).isGreaterThan(400);
        assertThat(top.get(0).count()).isGreaterThanOrEqualTo(500);
        assertThat(top.get(1).count()).isGreaterThanOrEqualTo(250);
        assertThat(top.get(2).count()).isGreaterThanOrEqualTo(125);
        IisStatusCount ok = agg.statusCounts().stream().filter(c -> c.status() == 200).findFirst().orElseThrow();
        assertThat(ok.topUris()).isEmpty(); // no sketch below 400
    }

    @Test
    void keepsThreeRedactedSamplesPerKey() throws IOException {
        StringBuilder log = new StringBuilder(FIELDS);
        for (int i = 0; i < 10; i++) {
            log.append(entry(i, "/login", "user=bob&password=hunter" + i, 401, 1));
        }
        IisLogAggregator agg = new IisLogAggregator();
        iis(agg, "W3SVC1/u_ex.log", "W3SVC1", text(log.toString()));
        IisStatusCount c = agg.statusCounts().get(0);
        assertThat(c.count()).isEqualTo(10);
        assertThat(c.samples()).hasSize(3);
        assertThat(c.samples()).extracting(sl -> sl.location())
                .containsExactly("W3SVC1/u_ex.log:2", "W3SVC1/u_ex.log:3", "W3SVC1/u_ex.log:4");
        assertThat(c.samples()).allSatisfy(sl -> assertThat(sl.text())
                .contains("user=bob&password=***").doesNotContain("hunter").doesNotContain("SESSION=abc")
                .contains(" *** 401 "));
    }

    @Test
    void timeTakenPercentilesPerSiteAndStatus() throws IOException {
        StringBuilder log = new StringBuilder(FIELDS);
        for (int i = 1; i <= 1000; i++) {
            log.append(entry(i % 3600, "/a", "-", 200, i));
        }
        log.append(entry(1, "/slow", "-", 502, 30_000));
        IisLogAggregator agg = new IisLogAggregator();
        iis(agg, "f.log", "W3SVC1", text(log.toString()));
        List<TimeTakenSummary> t = agg.timeTaken();
        assertThat(t).extracting(TimeTakenSummary::status).containsExactly(200, 502);
        TimeTakenSummary ok = t.get(0);
        assertThat(ok.count()).isEqualTo(1000);
        assertThat(ok.p50()).isBetween(495L, 505L); // HDR with 2 significant digits: within 1%
        assertThat(ok.p90()).isBetween(891L, 909L);
        assertThat(ok.p99()).isBetween(980L, 1000L);
        assertThat(ok.max()).isEqualTo(1000);
        assertThat(t.get(1).max()).isEqualTo(30_000);
    }

    @Test
    void eachKeyKeepsTheExactTimeTakenRangeOfItsEntries() throws IOException {
        IisLogAggregator agg = new IisLogAggregator();
        iis(agg, "f.log", "W3SVC1", text(FIELDS + entry(1, "/t", "-", 200, 45_208) + entry(2, "/t", "-", 200, 43_870)
                + entry(3, "/t", "-", 200, 51_276) + entry(4, "/x", "-", 404, 3)));
        List<IisStatusCount> counts = agg.statusCounts();
        assertThat(counts.get(0).timeTaken().min()).isEqualTo(43_870);
        assertThat(counts.get(0).timeTaken().max()).isEqualTo(51_276);
        assertThat(counts.get(0).timeTaken().mean()).isEqualTo((45_208 + 43_870 + 51_276) / 3);
        assertThat(counts.get(0).timeTaken().describe()).isEqualTo("43,870-51,276 ms");
        assertThat(counts.get(1).timeTaken().describe()).isEqualTo("3 ms");
        assertThat(counts.get(1).describe()).contains("time-taken 3 ms");
    }

    @Test
    void theSlowestEntryKeepsItsUriAlsoForSuccessesAndAcrossMergedBlocks() throws IOException {
        // successes keep no URI sketch; the slowest request's URI is what a slow-page conclusion needs
        IisLogAggregator first = new IisLogAggregator();
        iis(first, "f.log", "W3SVC1", text(FIELDS + entry(1, "/fast", "-", 200, 15) + entry(2, "/reports/month.asp", "-", 200, 90_000)
                + entry(3, "/later-equal", "-", 200, 90_000)));
        TimeTakenRange t = first.statusCounts().get(0).timeTaken();
        assertThat(first.statusCounts().get(0).topUris()).isEmpty();
        assertThat(t.slowestUri()).isEqualTo("/reports/month.asp"); // the earliest of equals (not /later-equal)
        assertThat(t.slowestAt()).isEqualTo(java.time.Instant.parse("2025-01-09T10:00:02Z"));

        IisLogAggregator later = new IisLogAggregator();
        iis(later, "f.log", "W3SVC1", text(FIELDS + entry(4, "/export", "-", 200, 120_000)));
        IisLogAggregator equal = new IisLogAggregator();
        iis(equal, "f.log", "W3SVC1", text(FIELDS + entry(5, "/export2", "-", 200, 120_000)));
        first.merge(later, 3);
        first.merge(equal, 4);
        assertThat(first.statusCounts().get(0).timeTaken().slowestUri()).isEqualTo("/export");
        assertThat(first.statusCounts().get(0).timeTaken().max()).isEqualTo(120_000);

        // equal time-taken in the same second: the first URI in text order, whichever block is merged first
        IisLogAggregator b = new IisLogAggregator();
        iis(b, "f.log", "W3SVC1", text(FIELDS + entry(9, "/b", "-", 200, 500)));
        IisLogAggregator a = new IisLogAggregator();
        iis(a, "f.log", "W3SVC1", text(FIELDS + entry(9, "/a", "-", 200, 500)));
        b.merge(a, 1);
        assertThat(b.statusCounts().get(0).timeTaken().slowestUri()).isEqualTo("/a");
    }

    @Test
    void theServerOfAFolderOrOfSComputernameIsPartOfTheKey() throws IOException {
        IisLogAggregator agg = new IisLogAggregator();
        String line = "2025-01-09 10:00:01 GET / - - 502 3 12002 30000\n";
        org.iisdiag.evidence.ReadReport r = new org.iisdiag.evidence.ReadReport("arr01/u.log", org.iisdiag.facts.EvidenceKind.IIS_W3C_LOG);
        new IisLogReader(agg).read("arr01/u.log", "", "arr01", text(FIELDS + line), r);
        new IisLogReader(agg).read("web02/u.log", "", "web02", text(FIELDS + line), r);
        new IisLogReader(agg).read("x.log", "", "folder", text(
                "#Fields: date time s-computername cs-method cs-uri-stem cs-uri-query cs(Cookie) sc-status sc-substatus sc-win32-status time-taken\n"
                        + "2025-01-09 10:00:01 WEB09 GET / - - 502 3 12002 30000\n"), r);
        assertThat(agg.statusCounts()).extracting(IisStatusCount::server).containsExactly("WEB09", "arr01", "web02");
    }

    @Test
    void timelineCountsPerMinuteAndStatusClass() throws IOException {
        String log = FIELDS + entry(0, "/a", "-", 200, 1) + entry(30, "/a", "-", 503, 1) + entry(61, "/a", "-", 503, 1)
                + entry(62, "/a", "-", 404, 1) + entry(125, "/a", "-", 302, 1);
        IisLogAggregator agg = new IisLogAggregator();
        iis(agg, "f.log", "", text(log));
        Timeline t = agg.timeline();
        assertThat(t.buckets()).extracting(b -> b.start() + " " + b.count(2) + b.count(3) + b.count(4) + b.count(5))
                .containsExactly("2025-01-09T10:00:00Z 1001", "2025-01-09T10:01:00Z 0011", "2025-01-09T10:02:00Z 0100");
        assertThat(t.peaks(5, 1)).extracting(Timeline.Bucket::start).containsExactly(Instant.parse("2025-01-09T10:00:00Z"));
    }

    @Test
    void foldsKeysBeyondTheCapSoMemoryStaysBounded() throws IOException {
        StringBuilder log = new StringBuilder("#Fields: date time sc-status sc-substatus sc-win32-status\n");
        int n = IisLogAggregator.MAX_KEYS + 500;
        for (int i = 0; i < n; i++) {
            log.append("2025-01-09 10:00:00 500 0 ").append(i).append('\n');
        }
        IisLogAggregator agg = new IisLogAggregator();
        ReadReport r = iis(agg, "f.log", "W3SVC1", text(log.toString()));
        assertThat(r.entries()).isEqualTo(n);
        assertThat(agg.statusCounts()).hasSize(IisLogAggregator.MAX_KEYS + 1);
        assertThat(agg.statusCounts().stream().mapToLong(IisStatusCount::count).sum()).isEqualTo(n);
        assertThat(agg.foldedEntries()).isEqualTo(500);
        assertThat(r.notes()).anySatisfy(note -> assertThat(note).contains("(other)"));
    }
}
