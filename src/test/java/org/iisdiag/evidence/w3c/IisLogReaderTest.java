package org.iisdiag.evidence.w3c;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iisdiag.evidence.Fixtures.iis;
import static org.iisdiag.evidence.Fixtures.resource;
import static org.iisdiag.evidence.Fixtures.text;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.iisdiag.evidence.Fixtures;
import org.iisdiag.evidence.LineProblem;
import org.iisdiag.evidence.ReadReport;
import org.iisdiag.facts.IisStatusCount;
import org.junit.jupiter.api.Test;

class IisLogReaderTest {
    private static final String HEADER = "#Software: Microsoft Internet Information Services 10.0\n#Version: 1.0\n"
            + "#Date: 2025-01-09 00:00:00\n#Fields: " + "date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken" + "\n";

    private static String line(String time, String stem, String status) {
        return "2025-01-09 " + time + " 10.0.0.10 GET " + stem + " - 443 - 10.0.0.5 Mozilla/5.0 - " + status + " 12\n";
    }

    private static String codes(IisLogAggregator agg) {
        return String.join(",", agg.statusCounts().stream()
                .map(c -> c.site() + ":" + c.status() + "." + c.substatus() + "." + c.win32() + "x" + c.count()).toList());
    }

    @Test
    void keepsTheClientAddressesOfIpRestrictionDenialsOnly() throws IOException {
        IisLogAggregator agg = new IisLogAggregator();
        String log = HEADER
                + "2025-01-09 00:00:01 10.0.0.10 GET / - 443 - 172.20.17.5 Mozilla/5.0 - 403 503 0 1\n"
                + "2025-01-09 00:00:02 10.0.0.10 GET / - 443 - 172.20.30.9 Mozilla/5.0 - 403 503 0 0\n"
                + "2025-01-09 00:00:03 10.0.0.10 GET / - 443 - 172.20.17.5 Mozilla/5.0 - 403 503 0 0\n"
                + "2025-01-09 00:00:04 10.0.0.10 GET /x - 443 - 10.0.0.5 Mozilla/5.0 - 404 0 2 3\n";
        iis(agg, "u_ex250109.log", "W3SVC1", text(log));
        assertThat(agg.statusCounts()).filteredOn(c -> c.status() == 403).singleElement()
                .satisfies(c -> assertThat(c.clients()).extracting(org.iisdiag.facts.UriCount::uri)
                        .containsExactly("172.20.17.5", "172.20.30.9"));
        assertThat(agg.statusCounts()).filteredOn(c -> c.status() == 404).singleElement()
                .satisfies(c -> assertThat(c.clients()).as("other statuses keep no clients").isEmpty());
    }

    @Test
    void keepsTheLongestQueryStringOf404_15sOnly() throws IOException {
        IisLogAggregator agg = new IisLogAggregator();
        String q = "ids=" + "1%2C".repeat(700);
        String log = HEADER
                + "2025-01-09 00:00:01 10.0.0.10 GET /export " + q + " 443 - 10.0.0.5 Mozilla/5.0 - 404 15 0 1\n"
                + "2025-01-09 00:00:02 10.0.0.10 GET /export ids=1 443 - 10.0.0.5 Mozilla/5.0 - 404 15 0 0\n"
                + "2025-01-09 00:00:03 10.0.0.10 GET /export " + q + " 443 - 10.0.0.5 Mozilla/5.0 - 400 0 0 2\n";
        iis(agg, "u_ex250109.log", "W3SVC1", text(log));
        assertThat(agg.statusCounts()).filteredOn(c -> c.status() == 404).singleElement()
                .satisfies(c -> assertThat(c.longestQuery()).isEqualTo(q.length()));
        assertThat(agg.statusCounts()).filteredOn(c -> c.status() == 400).singleElement()
                .satisfies(c -> assertThat(c.longestQuery()).as("other statuses keep no query length").isZero());
        IisLogAggregator merged = new IisLogAggregator();
        merged.merge(agg, 0);
        assertThat(merged.statusCounts()).filteredOn(c -> c.status() == 404).singleElement()
                .satisfies(c -> assertThat(c.longestQuery()).isEqualTo(q.length()));
    }

    @Test
    void keepsTheMethodsOfVerbRefusalsAndOf401sOnly() throws IOException {
        IisLogAggregator agg = new IisLogAggregator();
        String log = HEADER
                + "2025-01-09 00:00:01 10.0.0.10 PUT /api/a/1 - 443 - 10.0.0.5 Client/1.0 - 404 6 0 0\n"
                + "2025-01-09 00:00:02 10.0.0.10 OPTIONS /api/a/1 - 443 - 10.0.0.6 Mozilla/5.0 - 404 6 0 0\n"
                + "2025-01-09 00:00:03 10.0.0.10 PUT /api/a/2 - 443 - 10.0.0.5 Client/1.0 - 404 6 0 1\n"
                + "2025-01-09 00:00:04 10.0.0.10 DELETE /api/a/2 - 443 - 10.0.0.5 Client/1.0 - 405 0 0 2\n"
                + "2025-01-09 00:00:05 10.0.0.10 GET /x - 443 - 10.0.0.5 Mozilla/5.0 - 404 0 2 3\n"
                + "2025-01-09 00:00:06 10.0.0.10 GET /api/a - 443 - 10.0.0.7 Mozilla/5.0 - 401 2 5 1\n"
                + "2025-01-09 00:00:07 10.0.0.10 OPTIONS /api/a/3 - 443 - 10.0.0.7 Mozilla/5.0 - 401 2 5 0\n"
                + "2025-01-09 00:00:08 10.0.0.10 OPTIONS /api/a/4 - 443 - 10.0.0.7 Mozilla/5.0 - 401 2 5 0\n";
        iis(agg, "u_ex250109.log", "W3SVC1", text(log));
        assertThat(agg.statusCounts()).filteredOn(c -> c.status() == 401).singleElement()
                .satisfies(c -> {
                    assertThat(c.methodNames()).as("a 401's OPTIONS are CORS preflights").containsExactly("OPTIONS", "GET");
                    assertThat(c.methodCount("options")).isEqualTo(2);
                    assertThat(c.methodCount("PUT")).isZero();
                });
        assertThat(agg.statusCounts()).filteredOn(c -> c.status() == 404 && c.substatus() == 6).singleElement()
                .satisfies(c -> {
                    assertThat(c.methodNames()).as("most frequent first").containsExactly("PUT", "OPTIONS");
                    assertThat(c.describe()).endsWith("methods PUT 2, OPTIONS 1");
                });
        assertThat(agg.statusCounts()).filteredOn(c -> c.status() == 405).singleElement()
                .satisfies(c -> assertThat(c.methodNames()).containsExactly("DELETE"));
        assertThat(agg.statusCounts()).filteredOn(c -> c.status() == 404 && c.substatus() == 0).singleElement()
                .satisfies(c -> assertThat(c.methods()).as("other statuses keep no methods").isEmpty());
    }

    @Test
    void countsWebSocketHandshakesFromUpgradeAndConnectionHeaderFields() throws IOException {
        IisLogAggregator agg = new IisLogAggregator();
        String log = "#Software: Microsoft Internet Information Services 10.0\n#Fields: date time s-ip cs-method cs-uri-stem"
                + " cs-uri-query s-port c-ip sc-status sc-substatus sc-win32-status time-taken cs(Upgrade) Connection\n"
                + "2025-03-02 10:00:01 10.1.0.5 GET /ws/feed - 443 10.1.9.2 400 0 0 3 websocket -\n"
                + "2025-03-02 10:00:02 10.1.0.5 GET /ws/feed - 443 10.1.9.3 400 0 0 3 WebSocket close\n"
                + "2025-03-02 10:00:03 10.1.0.5 GET /ws/feed - 443 10.1.9.2 400 0 0 3 websocket keep-alive,+Upgradeable\n"
                + "2025-03-02 10:00:04 10.1.0.5 GET /ws/feed - 443 10.1.7.7 400 0 0 3 - keep-alive\n"
                + "2025-03-02 10:00:05 10.1.0.5 GET /ws/feed - 443 10.1.7.8 101 0 0 900 websocket keep-alive,+Upgrade\n";
        iis(agg, "u_ex250302_x.log", "W3SVC3", text(log));
        assertThat(agg.statusCounts()).filteredOn(c -> c.status() == 400).singleElement().satisfies(c -> {
            assertThat(c.upgrades().handshakes()).as("the entry without Upgrade: websocket is no handshake").isEqualTo(3);
            assertThat(c.upgrades().withoutConnectionUpgrade()).as("'Upgradeable' is not the upgrade token").isEqualTo(3);
            assertThat(c.upgrades().clientsWithout()).extracting(org.iisdiag.facts.UriCount::uri)
                    .containsExactly("10.1.9.2", "10.1.9.3");
            assertThat(c.describe()).endsWith("3 WebSocket handshakes (Upgrade: websocket), 3 without Connection: Upgrade"
                    + " from 10.1.9.2 (2), 10.1.9.3 (1)");
        });
        assertThat(agg.statusCounts()).filteredOn(c -> c.status() == 101).singleElement().satisfies(c -> {
            assertThat(c.upgrades().withConnectionUpgrade()).as("a token among others, after a '+' space").isEqualTo(1);
            assertThat(c.upgrades().clientsWithText()).isEqualTo("10.1.7.8 (1)");
        });
        IisLogAggregator plain = new IisLogAggregator();
        iis(plain, "u_ex250109.log", "W3SVC1", text(HEADER + line("00:00:01", "/ws/feed", "400 0 0")));
        assertThat(plain.statusCounts()).singleElement().satisfies(c ->
                assertThat(c.upgrades()).as("no header fields, no handshakes").isEqualTo(org.iisdiag.facts.WebSocketUpgrades.NONE));
    }

    @Test
    void keepsTheProtocolVersionsOf401sOnly() throws IOException {
        IisLogAggregator agg = new IisLogAggregator();
        String log = "#Software: Microsoft Internet Information Services 10.0\n#Fields: date time s-ip cs-method cs-uri-stem"
                + " cs-uri-query s-port cs-username c-ip cs-version cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken\n"
                + "2025-09-23 06:00:04 10.0.0.21 GET /api - 443 - 10.0.9.31 HTTP/2 Sync/2.0 401 2 5 1\n"
                + "2025-09-23 06:00:06 10.0.0.21 GET /api - 443 - 10.0.9.31 HTTP/2.0 Sync/2.0 401 2 5 0\n"
                + "2025-09-23 06:01:00 10.0.0.21 GET /hr/ - 443 - 10.0.51.7 HTTP/1.1 Mozilla/5.0 401 2 5 0\n"
                + "2025-09-23 06:01:00 10.0.0.21 GET /hr/ - 443 CONTOSO\\ann 10.0.51.7 HTTP/1.1 Mozilla/5.0 200 0 0 9\n";
        iis(agg, "u_ex250923.log", "W3SVC2", text(log));
        assertThat(agg.statusCounts()).filteredOn(c -> c.status() == 401).singleElement().satisfies(c -> {
            assertThat(c.versions()).extracting(org.iisdiag.facts.UriCount::uri).containsExactly("HTTP/1.1", "HTTP/2", "HTTP/2.0"); // ties by name
            assertThat(c.http2()).as("HTTP/2 and HTTP/2.0 alike").isEqualTo(2);
            assertThat(c.describe()).endsWith("HTTP/1.1 1, HTTP/2 1, HTTP/2.0 1");
        });
        assertThat(agg.statusCounts()).filteredOn(c -> c.status() == 200).singleElement()
                .satisfies(c -> assertThat(c.versions()).as("other statuses keep no versions").isEmpty());
    }

    @Test
    void followsAFieldsChangeMidFileWithADifferentOrder() throws IOException {
        IisLogAggregator agg = new IisLogAggregator();
        ReadReport r = iis(agg, "u_ex250109.log", "W3SVC1", resource("w3c/header-change.log"));
        assertThat(r.rejected()).isZero();
        assertThat(r.entries()).isEqualTo(4);
        assertThat(r.lines()).isEqualTo(13);
        // s-sitename of the second block wins over the folder hint
        assertThat(codes(agg)).isEqualTo("W3SVC1:200.0.0x1,W3SVC1:500.19.13x1,W3SVC2:404.0.2x1,W3SVC2:500.19.13x1");
        IisStatusCount moved = agg.statusCounts().get(3);
        assertThat(moved.firstSeen()).isEqualTo(Instant.parse("2025-01-09T00:05:00Z"));
        assertThat(moved.samples()).singleElement().satisfies(s -> {
            assertThat(s.location()).isEqualTo("u_ex250109.log:12");
            assertThat(s.text()).contains("fe80::1%12"); // IPv6 with zone id is just a field
        });
        assertThat(agg.window()).hasValueSatisfying(w -> {
            assertThat(w.first()).isEqualTo(Instant.parse("2025-01-09T00:00:01Z"));
            assertThat(w.last()).isEqualTo(Instant.parse("2025-01-09T00:06:59Z"));
            assertThat(w.requests()).isEqualTo(4);
            assertThat(w.clientErrors()).isEqualTo(1);
            assertThat(w.serverErrors()).isEqualTo(2);
        });
    }

    @Test
    void readsCrlfBomBlankLinesCustomTrailingFieldsAndALastLineWithoutNewline() throws IOException {
        IisLogAggregator agg = new IisLogAggregator();
        ReadReport r = iis(agg, "u_ex250109_x.log", "W3SVC3", resource("w3c/crlf-bom.log"));
        assertThat(r.problems()).isEmpty();
        assertThat(r.entries()).isEqualTo(3);
        assertThat(r.lines()).isEqualTo(9);
        assertThat(r.bytes()).isEqualTo(Fixtures.bytes("w3c/crlf-bom.log").length);
        assertThat(codes(agg)).isEqualTo("W3SVC3:200.0.0x1,W3SVC3:401.1.2148074254x1,W3SVC3:401.2.5x1");
        IisStatusCount last = agg.statusCounts().get(1);
        assertThat(last.samples().get(0).text()).endsWith("203.0.113.7").doesNotContain("\r");
        assertThat(agg.timeTaken()).extracting(t -> t.site() + " " + t.status() + " " + t.count() + " " + t.max())
                .containsExactly("W3SVC3 200 1 31", "W3SVC3 401 2 3");
    }

    @Test
    void assumesTheDefaultFieldSetWithANoteWhenDirectivesAreMissing() throws IOException {
        IisLogAggregator agg = new IisLogAggregator();
        ReadReport r = iis(agg, "u_ex.log", "", resource("w3c/no-directives.log"));
        assertThat(r.entries()).isEqualTo(2);
        assertThat(r.notes()).singleElement().asString()
                .contains("2 lines that no #Fields directive describes").contains("layout iis-default")
                .contains("the first at line 1").contains("sc-win32-status time-taken");
        assertThat(codes(agg)).isEqualTo(":200.0.0x1,:503.2.0x1");
    }

    @Test
    void rejectsMalformedLinesWithFileLineAndReasonAndCountsTheRest() throws IOException {
        IisLogAggregator agg = new IisLogAggregator();
        ReadReport r = iis(agg, "W3SVC1/u_ex250109.log", "W3SVC1", resource("w3c/malformed.log"));
        assertThat(r.entries()).isEqualTo(2);
        assertThat(r.rejected()).isEqualTo(6);
        assertThat(r.lines()).isEqualTo(12);
        assertThat(r.problems()).extracting(LineProblem::location, LineProblem::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("W3SVC1/u_ex250109.log:6", "14 fields, but the #Fields at line 4 lists 15;"
                        + " as iis-7-default: sc-status '-' is not a number from 0 to 999"),
                org.assertj.core.groups.Tuple.tuple("W3SVC1/u_ex250109.log:7", "bad date/time '2025-13-09 12:00:02'"),
                org.assertj.core.groups.Tuple.tuple("W3SVC1/u_ex250109.log:8", "bad date/time '2025-01-09 25:00:03'"),
                org.assertj.core.groups.Tuple.tuple("W3SVC1/u_ex250109.log:9", "sc-status 'OK' is not a number from 0 to 999"),
                org.assertj.core.groups.Tuple.tuple("W3SVC1/u_ex250109.log:10",
                        "sc-win32-status '4294967296' is not an unsigned 32-bit number"),
                org.assertj.core.groups.Tuple.tuple("W3SVC1/u_ex250109.log:11", "time-taken 'fast' is not a number"));
        assertThat(codes(agg)).isEqualTo("W3SVC1:200.0.0x1,W3SVC1:500.0.0x1");
    }

    @Test
    void skipsAnOverLongLineWithoutLosingItsNeighbours() throws IOException {
        String huge = "2025-01-09 00:00:01 10.0.0.10 GET /" + "a".repeat(W3cScanner.MAX_LINE_BYTES * 3)
                + " - 443 - 10.0.0.5 x - 500 0 0 1\n";
        String exactlyAtLimit = line("00:00:03", "/", "404 0 2");
        exactlyAtLimit = exactlyAtLimit.replace(" / ", " /" + "b".repeat(W3cScanner.MAX_LINE_BYTES - exactlyAtLimit.length() + 1) + " ");
        assertThat(exactlyAtLimit.length() - 1).isEqualTo(W3cScanner.MAX_LINE_BYTES);
        String log = HEADER + line("00:00:00", "/a", "200 0 0") + huge + line("00:00:02", "/b", "200 0 0")
                + exactlyAtLimit + "x".repeat(W3cScanner.MAX_LINE_BYTES + 1);
        IisLogAggregator agg = new IisLogAggregator();
        ReadReport r = iis(agg, "f.log", "", text(log));
        assertThat(r.problems()).extracting(LineProblem::line, LineProblem::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(6L, "line longer than 65536 bytes, skipped"),
                org.assertj.core.groups.Tuple.tuple(9L, "line longer than 65536 bytes, skipped"));
        assertThat(r.entries()).isEqualTo(3);
        assertThat(r.lines()).isEqualTo(9);
        assertThat(codes(agg)).isEqualTo(":200.0.0x2,:404.0.2x1");
    }

    @Test
    void emptyFileGivesNoFactsAndANote() throws IOException {
        IisLogAggregator agg = new IisLogAggregator();
        ReadReport r = iis(agg, "empty.log", "W3SVC1", new ByteArrayInputStream(new byte[0]));
        assertThat(r.lines()).isZero();
        assertThat(r.entries()).isZero();
        assertThat(r.rejected()).isZero();
        assertThat(r.notes()).containsExactly("empty file");
        assertThat(agg.statusCounts()).isEmpty();
        assertThat(agg.window()).isEmpty();
        assertThat(agg.timeline().isEmpty()).isTrue();
    }

    @Test
    void readsGzippedInputTheCallerUnwraps() throws IOException {
        byte[] plain = Fixtures.bytes("w3c/header-change.log");
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(plain);
        }
        IisLogAggregator agg = new IisLogAggregator();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz.toByteArray()))) {
            ReadReport r = iis(agg, "u_ex250109.log.gz", "W3SVC1", in);
            assertThat(r.bytes()).isEqualTo(plain.length);
            assertThat(r.entries()).isEqualTo(4);
        }
        assertThat(codes(agg)).isEqualTo("W3SVC1:200.0.0x1,W3SVC1:500.19.13x1,W3SVC2:404.0.2x1,W3SVC2:500.19.13x1");
    }

    @Test
    void linesThatCrossTheReadBufferAreSplitCorrectly() throws IOException {
        // ~3 MiB through a stream that returns odd-sized chunks: many lines straddle buffer refills
        StringBuilder b = new StringBuilder(HEADER);
        int n = 30_000;
        for (int i = 0; i < n; i++) {
            b.append(line(String.format("%02d:%02d:%02d", i / 3600 % 24, i / 60 % 60, i % 60),
                    "/p/" + "x".repeat(i % 50), i % 10 == 0 ? "500 0 0" : "200 0 0"));
        }
        byte[] data = b.toString().getBytes(StandardCharsets.UTF_8);
        InputStream trickle = new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] buf, int off, int len) {
                return super.read(buf, off, Math.min(len, 7919));
            }
        };
        IisLogAggregator agg = new IisLogAggregator();
        ReadReport r = iis(agg, "big.log", "", trickle);
        assertThat(r.rejected()).isZero();
        assertThat(r.entries()).isEqualTo(n);
        assertThat(r.bytes()).isEqualTo(data.length);
        assertThat(codes(agg)).isEqualTo(":200.0.0x27000,:500.0.0x3000");
    }

    @Test
    void keepsPlusEncodedUserAgentsAsOneField() throws IOException {
        String log = HEADER + "2025-01-09 00:00:00 10.0.0.10 GET /x - 443 - 10.0.0.5 "
                + "Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)+AppleWebKit/537.36+(KHTML,+like+Gecko) - 500 0 0 12\n";
        IisLogAggregator agg = new IisLogAggregator();
        ReadReport r = iis(agg, "f.log", "", text(log));
        assertThat(r.rejected()).isZero();
        assertThat(agg.statusCounts().get(0).samples().get(0).text()).contains("(KHTML,+like+Gecko)");
    }

    @Test
    void rejectsEveryLineOfALayoutWithoutStatus() throws IOException {
        String log = "#Fields: date time cs-uri-stem\n2025-01-09 00:00:00 /x\n";
        ReadReport r = iis(new IisLogAggregator(), "f.log", "", text(log));
        assertThat(r.problems()).extracting(LineProblem::reason).containsExactly("no sc-status field in the #Fields at line 1");
    }
}
