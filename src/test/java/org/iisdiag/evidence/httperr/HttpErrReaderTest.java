package org.iisdiag.evidence.httperr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.iisdiag.evidence.Fixtures.httpErr;
import static org.iisdiag.evidence.Fixtures.resource;
import static org.iisdiag.evidence.Fixtures.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.iisdiag.evidence.Fixtures;
import org.iisdiag.evidence.LineProblem;
import org.iisdiag.evidence.ReadReport;
import org.iisdiag.facts.HttpErrCount;
import org.iisdiag.facts.UriCount;
import org.junit.jupiter.api.Test;

class HttpErrReaderTest {

    @Test
    void readsTheHttpApi20HeaderWithStreamid() throws IOException {
        HttpErrAggregator agg = new HttpErrAggregator();
        ReadReport r = httpErr(agg, "httperr1.log", resource("httperr/with-streamid.log"));
        assertThat(r.problems()).isEmpty();
        assertThat(r.entries()).isEqualTo(3);
        assertThat(agg.counts()).extracting(HttpErrCount::reason, HttpErrCount::status, HttpErrCount::siteId,
                HttpErrCount::queue, HttpErrCount::count).containsExactly(
                tuple("Connection_Dropped", 0, "1", "ApiAppPool", 1L),
                tuple("QueueFull", 503, "3", "DefaultAppPool", 1L),
                tuple("Timer_ConnectionIdle", 0, "", "", 1L));
        HttpErrCount dropped = agg.counts().get(0);
        // IPv6 with zone id, and the cs-uri query is redacted in top URIs and samples
        assertThat(dropped.topUris()).containsExactly(new UriCount("/api/orders?token=***&x=1", 1, 0));
        assertThat(dropped.samples()).singleElement().satisfies(s -> {
            assertThat(s.location()).isEqualTo("httperr1.log:6");
            assertThat(s.text()).contains("fe80::1%12").contains("token=***").doesNotContain("abc123");
        });
        assertThat(dropped.firstSeen()).isEqualTo(Instant.parse("2025-01-09T10:00:06Z"));
        assertThat(agg.counts().get(2).topUris()).isEmpty(); // cs-uri "-"
    }

    @Test
    void readsTheHeaderWithoutStreamid() throws IOException {
        HttpErrAggregator agg = new HttpErrAggregator();
        ReadReport r = httpErr(agg, "httperr2.log", resource("httperr/without-streamid.log"));
        assertThat(r.problems()).isEmpty();
        assertThat(agg.counts()).extracting(HttpErrCount::reason, HttpErrCount::status, HttpErrCount::queue)
                .containsExactly(tuple("AppOffline", 503, "DefaultAppPool"), tuple("Timer_ConnectionIdle", 0, ""));
        assertThat(agg.counts().get(0).topUris()).extracting(UriCount::uri).containsExactly("/app/x.aspx");
    }

    @Test
    void readsTheOldHttpApi10FieldList() throws IOException {
        HttpErrAggregator agg = new HttpErrAggregator();
        ReadReport r = httpErr(agg, "httperr1.log", resource("httperr/api-1.0.log"));
        assertThat(r.problems()).isEmpty();
        assertThat(agg.counts()).extracting(HttpErrCount::reason, HttpErrCount::status, HttpErrCount::siteId,
                HttpErrCount::queue).containsExactly(tuple("ConnLimit", 503, "", ""), tuple("Timer_MinBytesPerSecond", 0, "", ""));
    }

    @Test
    void aClearedAggregateKeepsNoReasonTimelineOfItsLastBlock() throws IOException {
        HttpErrAggregator reused = new HttpErrAggregator();
        httpErr(reused, "httperr1.log", resource("httperr/with-streamid.log"));
        reused.clear();
        httpErr(reused, "httperr2.log", resource("httperr/without-streamid.log"));
        HttpErrAggregator fresh = new HttpErrAggregator();
        httpErr(fresh, "httperr2.log", resource("httperr/without-streamid.log"));
        assertThat(reused.reasonTimelines().keySet()).containsExactly("AppOffline", "Timer_ConnectionIdle");
        reused.reasonTimelines().forEach((reason, t) -> assertThat(t.buckets()).isEqualTo(fresh.reasonTimelines().get(reason).buckets()));
    }

    @Test
    void everyReasonValueParses() throws IOException {
        List<String> expected = new String(Fixtures.bytes("httperr/all-reasons.txt"), StandardCharsets.UTF_8).lines().toList();
        HttpErrAggregator agg = new HttpErrAggregator();
        ReadReport r = httpErr(agg, "httperr1.log", resource("httperr/all-reasons.log"));
        assertThat(r.problems()).isEmpty();
        assertThat(r.entries()).isEqualTo(expected.size());
        List<String> got = agg.counts().stream()
                .map(c -> c.reason() + " " + (c.status() == 0 ? "-" : String.valueOf(c.status()))).toList();
        assertThat(got).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(agg.counts()).allSatisfy(c -> {
            assertThat(c.count()).isEqualTo(1);
            assertThat(c.queue()).isEqualTo("DefaultAppPool");
            assertThat(c.siteId()).isEqualTo("1");
        });
        assertThat(agg.timeline().total(0)).isEqualTo(expected.stream().filter(e -> e.endsWith(" -")).count());
    }

    @Test
    void withoutFieldsEachLineIsReadByItsShapeWithAndWithoutStreamid() throws IOException {
        String log = "2025-01-09 10:00:05 10.0.0.5 51234 10.0.0.10 443 HTTP/1.1 GET /x - 503 3 QueueFull DefaultAppPool\n"
                + "2025-01-09 10:00:06 10.0.0.5 51234 10.0.0.10 443 HTTP/1.1 GET /x 503 3 QueueFull DefaultAppPool\n"
                + "2025-01-09 10:00:07 10.0.0.5 51234 10.0.0.10 443 HTTP/1.1 GET /x 503 QueueFull\n";
        HttpErrAggregator agg = new HttpErrAggregator();
        ReadReport r = httpErr(agg, "httperr9.log", text(log));
        assertThat(r.entries()).isEqualTo(2);
        assertThat(r.notes()).hasSize(2).anySatisfy(n -> assertThat(n).startsWith("1 line that no #Fields directive describes")
                .contains("layout httperr-2.0").contains("first at line 1"))
                .anySatisfy(n -> assertThat(n).contains("layout httperr-1.0").contains("first at line 2"));
        assertThat(agg.counts()).singleElement().satisfies(c -> assertThat(c.count()).isEqualTo(2));
        assertThat(r.problems()).extracting(LineProblem::location, LineProblem::reason).containsExactly(
                tuple("httperr9.log:3", "11 fields, no #Fields directive in force and no known layout fits"));
    }

    @Test
    void rejectsBadStatusAndMissingReason() throws IOException {
        String log = "#Fields: date time c-ip cs-uri sc-status s-reason\n"
                + "2025-01-09 10:00:05 10.0.0.5 /x 5O3 QueueFull\n"
                + "2025-01-09 10:00:05 10.0.0.5 /x 503 -\n"
                + "2025-01-09 10:00:05 10.0.0.5 /x - Timer_ConnectionIdle\n";
        HttpErrAggregator agg = new HttpErrAggregator();
        ReadReport r = httpErr(agg, "h.log", text(log));
        assertThat(r.problems()).extracting(LineProblem::line, LineProblem::reason).containsExactly(
                tuple(2L, "sc-status '5O3' is not a number from 0 to 999 or -"),
                tuple(3L, "s-reason is empty ('-'); HTTP.sys always writes one"));
        assertThat(agg.counts()).extracting(HttpErrCount::reason, HttpErrCount::status)
                .containsExactly(tuple("Timer_ConnectionIdle", 0));
    }

    @Test
    void measuresPathSegmentsAgainstHttpSysDefaultLimitWithoutKeepingTheLongSegment() throws IOException {
        String token = "Ab3-_".repeat(60) + "xyz"; // 303 characters
        String log = "#Fields: date time c-ip cs-uri sc-status s-reason\n"
                + "2025-01-09 10:00:05 10.0.0.5 /s/" + token + "/view?sig=abc 400 URL\n"
                + "2025-01-09 10:00:06 10.0.0.6 /s/" + "é".repeat(260) + "/view 400 URL\n" // 260 characters, 520 bytes: not over
                + "2025-01-09 10:00:07 10.0.0.7 /%c0%ae%c0%ae/etc/passwd 400 URL\n"
                + "2025-01-09 10:00:08 10.0.0.8 - 0 Timer_ConnectionIdle\n";
        HttpErrAggregator agg = new HttpErrAggregator();
        httpErr(agg, "httperr1.log", text(log));
        HttpErrCount url = agg.counts().stream().filter(c -> c.reason().equals("URL")).findFirst().orElseThrow();
        assertThat(url.longSegments().entries()).isEqualTo(1);
        assertThat(url.longSegments().longest()).isEqualTo(303);
        assertThat(url.longSegments().example()).isEqualTo("/s/Ab3-_Ab3-_Ab...(303 characters)/view");
        assertThat(url.longSegments().longestUrl()).as("whole URL in bytes: é is two").isEqualTo(528);
        assertThat(url.describe()).contains("1 with a path segment over 260 characters (longest 303");
        HttpErrCount idle = agg.counts().stream().filter(c -> c.reason().equals("Timer_ConnectionIdle")).findFirst().orElseThrow();
        assertThat(idle.longSegments()).isEqualTo(org.iisdiag.facts.LongPathSegments.NONE);

        // blocks merge exactly, and an aggregate file keeps the measure
        HttpErrAggregator second = new HttpErrAggregator();
        httpErr(second, "httperr2.log", text("#Fields: date time c-ip cs-uri sc-status s-reason\n"
                + "2025-01-09 11:00:00 10.0.0.9 /s/" + "q".repeat(400) + "/view 400 URL\n"));
        agg.merge(second, 0);
        java.io.StringWriter w = new java.io.StringWriter();
        try (com.fasterxml.jackson.core.JsonGenerator g = new com.fasterxml.jackson.databind.ObjectMapper().createGenerator(w)) {
            agg.write(g);
        }
        HttpErrAggregator back = HttpErrAggregator.read(new com.fasterxml.jackson.databind.ObjectMapper().readTree(w.toString()));
        for (HttpErrAggregator a : List.of(agg, back)) {
            HttpErrCount merged = a.counts().stream().filter(c -> c.reason().equals("URL")).findFirst().orElseThrow();
            assertThat(merged.longSegments()).isEqualTo(new org.iisdiag.facts.LongPathSegments(2, 400,
                    "/s/Ab3-_Ab3-_Ab...(303 characters)/view", 528));
        }
    }

    @Test
    void countsEntriesWithoutARequestLineAndKeepsTheClientsOf400s() throws IOException {
        StringBuilder log = new StringBuilder("#Fields: date time c-ip c-port s-ip s-port cs-version cs-method cs-uri streamid sc-status s-siteid s-reason s-queuename\n");
        for (int i = 0; i < 30; i++) {
            log.append("2025-01-09 10:00:").append(String.format("%02d", i)).append(" 45.1.2.").append(i + 1)
                    .append(" 50000 10.0.0.10 80 - - - - 400 - BadRequest -\n");
        }
        log.append("2025-01-09 10:01:00 10.0.0.5 50001 10.0.0.10 443 HTTP/1.1 GET /x - 400 - BadRequest -\n");
        log.append("2025-01-09 10:01:01 10.0.0.6 50002 10.0.0.10 443 HTTP/1.1 GET /x - - 1 Timer_ConnectionIdle -\n");
        HttpErrAggregator agg = new HttpErrAggregator();
        httpErr(agg, "httperr1.log", text(log.toString()));
        HttpErrCount bad = agg.counts().stream().filter(c -> c.reason().equals("BadRequest")).findFirst().orElseThrow();
        assertThat(bad.count()).isEqualTo(31);
        assertThat(bad.noRequestLine()).isEqualTo(30);
        assertThat(bad.distinctClients()).isEqualTo(31);
        assertThat(bad.topClientShare()).isLessThan(0.05);
        assertThat(bad.describe()).contains("30 without a request line").contains("from 31 client addresses");
        HttpErrCount idle = agg.counts().stream().filter(c -> c.reason().equals("Timer_ConnectionIdle")).findFirst().orElseThrow();
        assertThat(idle.noRequestLine()).isZero();
        assertThat(idle.topClients()).isEmpty();

        // an aggregate file keeps both
        java.io.StringWriter w = new java.io.StringWriter();
        try (com.fasterxml.jackson.core.JsonGenerator g = new com.fasterxml.jackson.databind.ObjectMapper().createGenerator(w)) {
            agg.write(g);
        }
        HttpErrAggregator back = HttpErrAggregator.read(new com.fasterxml.jackson.databind.ObjectMapper().readTree(w.toString()));
        assertThat(back.counts()).isEqualTo(agg.counts());
    }

    @Test
    void keepsTheServerAddressAndPortOf404sAnd400sWhateverTheFieldOrder() throws IOException {
        String usual = "#Fields: date time c-ip c-port s-ip s-port cs-version cs-method cs-uri streamid sc-status s-siteid s-reason s-queuename\n"
                + "2025-01-09 10:00:00 10.0.0.5 50001 10.0.0.41 80 HTTP/1.1 GET / - 404 - NotFound -\n"
                + "2025-01-09 10:00:01 10.0.0.5 50002 10.0.0.41 80 HTTP/1.1 GET /a - 404 - NotFound -\n"
                + "2025-01-09 10:00:02 10.0.0.6 50003 fe80::1 8080 HTTP/1.1 GET /b - 404 - NotFound -\n"
                + "2025-01-09 10:00:03 10.0.0.6 50004 10.0.0.41 80 HTTP/1.1 GET /c - - 1 Timer_ConnectionIdle -\n";
        // s-port before s-ip: the two are not next to each other in the line
        String reordered = "#Fields: date time c-ip c-port s-port cs-version s-ip cs-method cs-uri streamid sc-status s-siteid s-reason s-queuename\n"
                + "2025-01-09 10:00:00 10.0.0.5 50001 80 HTTP/1.1 10.0.0.41 GET / - 404 - NotFound -\n"
                + "2025-01-09 10:00:01 10.0.0.5 50002 80 HTTP/1.1 10.0.0.41 GET /a - 404 - NotFound -\n"
                + "2025-01-09 10:00:02 10.0.0.6 50003 8080 HTTP/1.1 fe80::1 GET /b - 404 - NotFound -\n"
                + "2025-01-09 10:00:03 10.0.0.6 50004 80 HTTP/1.1 10.0.0.41 GET /c - - 1 Timer_ConnectionIdle -\n";
        for (String log : List.of(usual, reordered)) {
            HttpErrAggregator agg = new HttpErrAggregator();
            httpErr(agg, "httperr1.log", text(log));
            HttpErrCount notFound = agg.counts().stream().filter(c -> c.reason().equals("NotFound")).findFirst().orElseThrow();
            assertThat(notFound.topEndpoints()).extracting(UriCount::uri, UriCount::count)
                    .containsExactly(tuple("10.0.0.41:80", 2L), tuple("[fe80::1]:8080", 1L));
            assertThat(notFound.topEndpoint()).isEqualTo("10.0.0.41:80");
            assertThat(notFound.topEndpointShare()).isEqualTo(2.0 / 3);
            assertThat(notFound.describe()).contains("arrived on 10.0.0.41:80 and 1 other address");
            HttpErrCount idle = agg.counts().stream().filter(c -> c.reason().equals("Timer_ConnectionIdle")).findFirst().orElseThrow();
            assertThat(idle.topEndpoints()).as("kept only where HTTP.sys routed nowhere").isEmpty();

            java.io.StringWriter w = new java.io.StringWriter();
            try (com.fasterxml.jackson.core.JsonGenerator g = new com.fasterxml.jackson.databind.ObjectMapper().createGenerator(w)) {
                agg.write(g);
            }
            HttpErrAggregator back = HttpErrAggregator.read(new com.fasterxml.jackson.databind.ObjectMapper().readTree(w.toString()));
            assertThat(back.counts()).isEqualTo(agg.counts());
            HttpErrAggregator merged = new HttpErrAggregator();
            merged.merge(agg, 0);
            merged.merge(back, 10);
            assertThat(merged.counts().stream().filter(c -> c.reason().equals("NotFound")).findFirst().orElseThrow().topEndpoints())
                    .extracting(UriCount::uri, UriCount::count).containsExactly(tuple("10.0.0.41:80", 4L), tuple("[fe80::1]:8080", 2L));
        }
    }
}
