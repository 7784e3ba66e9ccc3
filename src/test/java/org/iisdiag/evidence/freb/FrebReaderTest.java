package org.iisdiag.evidence.freb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iisdiag.evidence.Fixtures.resource;
import static org.iisdiag.evidence.Fixtures.text;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.iisdiag.evidence.Fixtures;
import org.iisdiag.evidence.ReadReport;
import org.iisdiag.facts.EvidenceFact;
import org.iisdiag.facts.EvidenceKind;
import org.iisdiag.facts.FailedRequestGroup;
import org.iisdiag.facts.TracedRequestHeaders;
import org.iisdiag.facts.TracedRewrite;
import org.iisdiag.facts.FailedRequestTrace;
import org.junit.jupiter.api.Test;

class FrebReaderTest {

    private static ReadReport read(FrebReader reader, String fixture) throws IOException {
        return read(reader, "W3SVC1/" + fixture, resource("freb/" + fixture));
    }

    private static ReadReport read(FrebReader reader, String name, InputStream in) throws IOException {
        ReadReport report = new ReadReport(name, EvidenceKind.FAILED_REQUEST_TRACE);
        reader.read(name, "W3SVC1", in, report);
        return report;
    }

    private static FailedRequestTrace single(String fixture) throws IOException {
        FrebReader reader = new FrebReader();
        ReadReport r = read(reader, fixture);
        assertThat(r.failed()).isFalse();
        assertThat(reader.traces()).hasSize(1);
        return reader.traces().get(0);
    }

    @Test
    void a500_19NamesTheConfigFileLineAndError() throws IOException {
        FrebReader reader = new FrebReader();
        ReadReport r = read(reader, "fr000001-500-19.xml");
        assertThat(r.notes()).isEmpty();
        assertThat(r.entries()).isEqualTo(11);
        assertThat(r.lines()).isGreaterThan(200);
        assertThat(r.bytes()).isGreaterThan(10_000);
        FailedRequestTrace t = reader.traces().get(0);
        assertThat(t.status()).isEqualTo(500);
        assertThat(t.substatus()).isEqualTo(19);
        assertThat(t.code()).isEqualTo("500.19");
        assertThat(t.verb()).isEqualTo("GET");
        assertThat(t.siteId()).isEqualTo("1");
        assertThat(t.appPool()).isEqualTo("DefaultAppPool");
        assertThat(t.processId()).isEqualTo("6420");
        assertThat(t.authenticationType()).isEqualTo("anonymous");
        assertThat(t.failureReason()).isEqualTo("STATUS_CODE");
        assertThat(t.timeTaken()).isEqualTo(15);
        assertThat(t.time()).isEqualTo(Instant.parse("2025-01-09T10:15:51.117Z"));
        assertThat(t.module()).isEqualTo("IIS Web Core");
        assertThat(t.notification()).isEqualTo("BEGIN_REQUEST");
        assertThat(t.errorCode()).isEqualTo("0x8007000d");
        assertThat(t.errorDescription()).isEqualTo("The data is invalid.");
        assertThat(t.configExceptionInfo()).isEqualTo("\\\\?\\C:\\inetpub\\wwwroot\\web.config ( 12) :The configuration section"
                + " 'rewrite' cannot be read because it is missing a section declaration");
        assertThat(t.configFile()).isEqualTo("\\\\?\\C:\\inetpub\\wwwroot\\web.config");
        assertThat(t.configLine()).isEqualTo(12);
        assertThat(t.bytesSent()).isEqualTo(5621);
        assertThat(t.truncated()).isFalse();
        assertThat(t.warnings()).isEmpty();
        // the query token is masked everywhere, and the Cookie of GENERAL_REQUEST_HEADERS is never kept
        assertThat(t.url()).isEqualTo("http://localhost:80/shop/default.aspx?token=***&lang=en");
        assertThat(t.toString()).doesNotContain("abc123SECRET").doesNotContain("SECRETCOOKIE");
        assertThat(reader.facts().toString()).doesNotContain("abc123SECRET").doesNotContain("SECRETCOOKIE");
        // samples: the root element and the MODULE_SET_RESPONSE_ERROR_STATUS event with file:line
        assertThat(t.samples()).hasSize(2);
        // the line the <failedRequest> start tag begins on (it spans lines 4 to 6)
        assertThat(t.samples().get(0).location()).isEqualTo("W3SVC1/fr000001-500-19.xml:4");
        assertThat(t.samples().get(1).text()).startsWith("MODULE_SET_RESPONSE_ERROR_STATUS ModuleName=IIS Web Core,"
                + " Notification=BEGIN_REQUEST, HttpStatus=500, HttpReason=Internal Server Error, HttpSubStatus=19");
        assertThat(t.samples().get(1).line()).isBetween(90L, 130L);
        assertThat(t.describe()).contains("500.19").contains("IIS Web Core in BEGIN_REQUEST").contains("0x8007000d")
                .contains("web.config ( 12)");
        assertThat(t.occurrences()).isEqualTo(1);
    }

    @Test
    void a404_7ComesFromRequestFilteringInBeginRequest() throws IOException {
        FailedRequestTrace t = single("fr000002-404-7.xml");
        assertThat(t.code()).isEqualTo("404.7");
        assertThat(t.module()).isEqualTo("RequestFilteringModule");
        assertThat(t.notification()).isEqualTo("BEGIN_REQUEST");
        assertThat(t.errorCode()).isEqualTo("0x0");
        assertThat(t.errorDescription()).isEqualTo("The operation completed successfully.");
        assertThat(t.configExceptionInfo()).isEmpty();
        assertThat(t.configLine()).isZero();
        assertThat(t.url()).isEqualTo("http://www.contoso.com:80/backup/site.bak");
    }

    @Test
    void a502_3ViaArrNamesTheBackEndTheTimeoutAndTheSlowStep() throws IOException {
        FailedRequestTrace t = single("fr000003-502-3-arr.xml");
        assertThat(t.code()).isEqualTo("502.3");
        assertThat(t.module()).isEqualTo("ApplicationRequestRouting");
        assertThat(t.notification()).isEqualTo("EXECUTE_REQUEST_HANDLER");
        assertThat(t.errorCode()).isEqualTo("0x80072ee2"); // 2147954402: the WinHTTP timeout
        assertThat(t.errorDescription()).isEqualTo("The operation timed out");
        assertThat(t.handler()).isEqualTo("ApplicationRequestRoutingHandler");
        assertThat(t.backendServer()).isEqualTo("app02.contoso.local");
        assertThat(t.timeTaken()).isEqualTo(30016);
        assertThat(t.slowestGap()).isNotNull();
        assertThat(t.slowestGap().millis()).isEqualTo(30004);
        assertThat(t.slowestGap().before()).isEqualTo("ARR_SERVER_ROUTED");
        assertThat(t.slowestGap().after()).isEqualTo("MODULE_SET_RESPONSE_ERROR_STATUS");
        assertThat(t.slowestGap().afterLine()).isGreaterThan(t.slowestGap().beforeLine());
        assertThat(t.samples()).extracting(s -> s.text().split(" ")[0])
                .containsExactly("failedRequest", "MODULE_SET_RESPONSE_ERROR_STATUS", "ARR_SERVER_ROUTED");
        assertThat(t.samples().get(1).text()).contains("ErrorCode=The operation timed out (0x80072ee2)");
        assertThat(t.describe()).contains("routed to app02.contoso.local");
    }

    @Test
    void a401_1FromWindowsAuthenticationWithThePasswordMasked() throws IOException {
        FailedRequestTrace t = single("fr000004-401-1.xml");
        assertThat(t.code()).isEqualTo("401.1");
        assertThat(t.module()).isEqualTo("WindowsAuthenticationModule");
        assertThat(t.notification()).isEqualTo("AUTHENTICATE_REQUEST");
        assertThat(t.errorCode()).isEqualTo("0x8009030c");
        assertThat(t.errorDescription()).isEqualTo("The logon attempt failed");
        assertThat(t.authenticationType()).isEqualTo("NTLM");
        assertThat(t.url()).endsWith("?user=jo&password=***");
        assertThat(t.toString()).doesNotContain("Hunter2");
    }

    @Test
    void ancmStartFailureIsTheWarningBeforeThe500_30() throws IOException {
        FailedRequestTrace t = single("fr000005-500-30-ancm.xml");
        assertThat(t.code()).isEqualTo("500.30");
        assertThat(t.module()).isEqualTo("AspNetCoreModuleV2");
        assertThat(t.handler()).isEqualTo("AspNetCoreModuleV2"); // no HANDLER_CHANGED: the EXECUTE_REQUEST_HANDLER module
        assertThat(t.errorCode()).isEqualTo("0x80004005");
        assertThat(t.ancmFailure()).startsWith("ANCM_START_APPLICATION_FAIL: FailureDescription=Application '/LM/W3SVC/2/ROOT'")
                .contains("failed to load coreclr").contains("CLR worker thread exited prematurely");
        assertThat(t.warnings()).singleElement().asString().startsWith("ANCM_START_APPLICATION_FAIL (FailureDescription=");
        assertThat(t.warningCount()).isEqualTo(1);
        assertThat(t.slowestGap().millis()).isEqualTo(1840);
        assertThat(t.slowestGap().after()).isEqualTo("ANCM_START_APPLICATION_FAIL");
        assertThat(t.samples()).extracting(s -> s.text().split(" ")[0]).contains("ANCM_START_APPLICATION_FAIL");
    }

    @Test
    void aTraceTruncatedAtMaxLogFileSizeKeepsWhatWasReadAndSaysSo() throws IOException {
        FrebReader reader = new FrebReader();
        ReadReport r = read(reader, "fr000006-size-truncated.xml");
        assertThat(r.failed()).isFalse();
        assertThat(r.notes()).singleElement().asString().contains("LOG_FILE_MAX_SIZE_TRUNCATE");
        FailedRequestTrace t = reader.traces().get(0);
        assertThat(t.truncated()).isTrue();
        assertThat(t.code()).isEqualTo("500.0");
        assertThat(t.module()).isEmpty(); // the error status event was beyond the cut
        assertThat(t.handler()).isEqualTo("ManagedPipelineHandler");
        assertThat(t.describe()).contains("no module set this status").contains("truncated");
        assertThat(reader.groups()).singleElement().satisfies(g -> {
            assertThat(g.module()).isEmpty();
            assertThat(g.code()).isEqualTo("500.0");
        });
    }

    @Test
    void aCutOffTraceKeepsTheEventsBeforeTheCut() throws IOException {
        FrebReader reader = new FrebReader();
        ReadReport r = read(reader, "fr000007-cut.xml");
        assertThat(r.failed()).isFalse();
        assertThat(r.notes()).singleElement().asString().startsWith("the trace is incomplete (cut off or malformed at line")
                .contains("events before it are used");
        FailedRequestTrace t = reader.traces().get(0);
        assertThat(t.truncated()).isTrue();
        assertThat(t.module()).isEqualTo("RequestFilteringModule");
        assertThat(t.code()).isEqualTo("404.7");
        assertThat(t.bytesSent()).isEqualTo(-1); // GENERAL_REQUEST_END was cut off
    }

    @Test
    void billionLaughsIsRefusedQuicklyWithAClearMessage() {
        long start = System.nanoTime();
        FrebReader reader = new FrebReader();
        assertThatThrownBy(() -> read(reader, "billion-laughs.xml"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("refused").hasMessageContaining("DTD").hasMessageContaining("billion laughs");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(reader.facts()).isEmpty();
    }

    @Test
    void externalEntitiesAreRefusedAndNeverFetched() {
        for (String f : List.of("xxe.xml", "xxe-external-dtd.xml")) {
            long start = System.nanoTime();
            FrebReader reader = new FrebReader();
            assertThatThrownBy(() -> read(reader, f)).isInstanceOf(IOException.class)
                    .hasMessageContaining("refused").hasMessageContaining("XXE").hasMessageNotContaining("root:");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            assertThat(reader.facts()).isEmpty();
        }
    }

    @Test
    void notXmlOrAnotherRootIsUnreadable() {
        FrebReader reader = new FrebReader();
        assertThatThrownBy(() -> read(reader, "not-xml.xml")).isInstanceOf(IOException.class)
                .hasMessageStartingWith("not well-formed XML at line 1");
        assertThatThrownBy(() -> read(reader, "freb.xsl")).isInstanceOf(IOException.class)
                .hasMessageContaining("root element is <stylesheet>");
        assertThatThrownBy(() -> read(reader, "empty.xml", text(""))).isInstanceOf(IOException.class);
        assertThat(reader.facts()).isEmpty();
    }

    @Test
    void groupsAggregateByModuleNotificationStatusAndErrorCode() throws IOException {
        FrebReader reader = new FrebReader();
        for (String f : List.of("fr000001-500-19.xml", "fr000002-404-7.xml", "fr000003-502-3-arr.xml",
                "fr000004-401-1.xml", "fr000005-500-30-ancm.xml", "fr000006-size-truncated.xml", "fr000007-cut.xml")) {
            read(reader, f);
        }
        // the same 500.19 again, as a second file
        read(reader, "W3SVC1/fr000008.xml", resource("freb/fr000001-500-19.xml"));
        List<FailedRequestGroup> groups = reader.groups();
        assertThat(groups).hasSize(6);
        FailedRequestGroup top = groups.get(0);
        assertThat(top.count()).isEqualTo(2);
        assertThat(top.code()).isEqualTo("404.7"); // 2 x 404.7 (the cut one) ties with 2 x 500.19; 404 sorts first
        FailedRequestGroup g500 = groups.get(1);
        assertThat(g500.code()).isEqualTo("500.19");
        assertThat(g500.module()).isEqualTo("IIS Web Core");
        assertThat(g500.errorCode()).isEqualTo("0x8007000d");
        assertThat(g500.exampleUrls()).containsExactly("http://localhost:80/shop/default.aspx?token=***&lang=en");
        assertThat(g500.samples()).extracting(s -> s.file()).containsExactly("W3SVC1/fr000001-500-19.xml", "W3SVC1/fr000008.xml");
        assertThat(g500.firstSeen()).isEqualTo(Instant.parse("2025-01-09T10:15:51.117Z"));
        assertThat(g500.describe()).startsWith("2 x FREB trace 500.19 set by IIS Web Core in BEGIN_REQUEST, error 0x8007000d");
        assertThat(reader.facts()).allMatch(f -> f instanceof EvidenceFact)
                .filteredOn(f -> !(f instanceof TracedRequestHeaders) && !(f instanceof TracedRewrite)).hasSize(8 + 6);
        assertThat(reader.tracesRead()).isEqualTo(8);
    }

    @Test
    void requestHeadersAreMeasuredWithoutTheirValues() throws IOException {
        FrebReader reader = new FrebReader();
        read(reader, "fr000001-500-19.xml");
        List<TracedRequestHeaders> headers = reader.facts().stream().filter(f -> f instanceof TracedRequestHeaders)
                .map(f -> (TracedRequestHeaders) f).toList();
        assertThat(headers).hasSize(1);
        TracedRequestHeaders h = headers.get(0);
        assertThat(h.status()).isEqualTo(500);
        assertThat(h.substatus()).isEqualTo(19);
        assertThat(h.lengthOf("user-agent")).isEqualTo(41);
        assertThat(h.lengthOf("X-Not-Sent")).isEqualTo(-1);
        assertThat(h.cut()).isFalse();
        // names and lengths only: no header value reaches the fact
        assertThat(h.samples()).singleElement().satisfies(s -> assertThat(s.text())
                .startsWith("GENERAL_REQUEST_HEADERS value lengths: Accept=9").doesNotContain("Mozilla"));
    }

    @Test
    void aUrlRewriteOfTheRequestIsKeptWithItsOldAndNewUrl() throws IOException {
        FrebReader reader = new FrebReader();
        read(reader, "fr000003-502-3-arr.xml");
        read(reader, "fr000001-500-19.xml");
        List<TracedRewrite> rewrites = reader.facts().stream().filter(f -> f instanceof TracedRewrite)
                .map(f -> (TracedRewrite) f).toList();
        assertThat(rewrites).singleElement().satisfies(r -> {
            assertThat(r.fromUrl()).isEqualTo("/api/orders/42");
            assertThat(r.toUrl()).isEqualTo("http://shopfarm/api/orders/42");
            assertThat(r.status()).isEqualTo(502);
            assertThat(r.samples().get(0).text()).startsWith("URL_CHANGED OldUrl=/api/orders/42");
        });
    }

    @Test
    void measuringHeadersKeepsTheLongestValueOfARepeatedName() {
        java.util.Map<String, Long> out = new java.util.LinkedHashMap<>();
        FrebReader.measureHeaders("Host: a.example\r\nX-Claims: abc\r\nx-claims: abcdef\r\nnot a header\r\n: empty\r\n", out);
        assertThat(out).containsExactly(java.util.Map.entry("Host", 9L), java.util.Map.entry("X-Claims", 6L));
    }

    @Test
    void detailIsBoundedAndTheRestOnlyCounts() throws IOException {
        byte[] trace = Fixtures.bytes("freb/fr000002-404-7.xml");
        FrebReader reader = new FrebReader();
        ReadReport last = null;
        for (int i = 0; i < FrebReader.MAX_DETAILED_TRACES + 5; i++) {
            last = read(reader, String.format("W3SVC1/fr%06d.xml", i), new ByteArrayInputStream(trace));
        }
        assertThat(reader.traces()).hasSize(FrebReader.MAX_DETAILED_TRACES);
        assertThat(reader.groups()).singleElement().satisfies(g -> assertThat(g.count()).isEqualTo(205));
        assertThat(last.notes()).anyMatch(n -> n.contains("only counts in the groups"));
    }

    @Test
    void numericNotificationsAndErrorCodesWithoutRenderingAreDecoded() throws IOException {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <failedRequest url="http://h:80/a" statusCode="403.14" verb="GET" timeTaken="2"
                    xmlns:freb="http://schemas.microsoft.com/win/2006/06/iis/freb">
                 <Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">
                  <System><Level>3</Level><TimeCreated SystemTime="2025-01-09T10:00:00.0000000Z"/></System>
                  <EventData>
                   <Data Name="ModuleName">DirectoryListingModule</Data><Data Name="Notification">128</Data>
                   <Data Name="HttpStatus">403</Data><Data Name="HttpSubStatus">14</Data><Data Name="ErrorCode">2147942405</Data>
                  </EventData>
                  <RenderingInfo Culture="en-US"><Opcode>MODULE_SET_RESPONSE_ERROR_STATUS</Opcode></RenderingInfo>
                 </Event>
                </failedRequest>
                """;
        FrebReader reader = new FrebReader();
        read(reader, "fr1.xml", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        FailedRequestTrace t = reader.traces().get(0);
        assertThat(t.notification()).isEqualTo("EXECUTE_REQUEST_HANDLER");
        assertThat(t.errorCode()).isEqualTo("0x80070005");
        assertThat(t.errorDescription()).isEqualTo("Access is denied.");
        assertThat(t.time()).isEqualTo(Instant.parse("2025-01-09T10:00:00Z"));
        assertThat(t.slowestGap()).isNull();
    }

    @Test
    void hresultsParseEveryWayFrebWritesThem() {
        assertThat(HResults.hex("2147954402")).isEqualTo("0x80072ee2");
        assertThat(HResults.hex("-2147024891")).isEqualTo("0x80070005");
        assertThat(HResults.hex("0x8007000D")).isEqualTo("0x8007000d");
        assertThat(HResults.hex("Access is denied. (0x80070005)")).isEqualTo("0x80070005");
        assertThat(HResults.hex("")).isEmpty();
        assertThat(HResults.hex("n/a")).isEmpty();
        assertThat(HResults.describe("Access is denied.\n (0x80070005)", "0x80070005")).isEqualTo("Access is denied.");
        assertThat(HResults.describe(null, "0x80072efd")).isEqualTo("A connection with the server could not be established");
    }
}
