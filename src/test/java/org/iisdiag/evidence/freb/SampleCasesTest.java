package org.iisdiag.evidence.freb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.iisdiag.TestPack;
import org.iisdiag.casefolder.CaseFile;
import org.iisdiag.casefolder.CaseFolder;
import org.iisdiag.evidence.CaseEvidence;
import org.iisdiag.evidence.EvidenceCollector;
import org.iisdiag.evidence.EvidenceReader;
import org.iisdiag.evidence.ReadReport;
import org.iisdiag.evidence.har.HarReader;
import org.iisdiag.facts.AnsweredBy;
import org.iisdiag.facts.EvidenceKind;
import org.iisdiag.facts.FailedRequestGroup;
import org.iisdiag.facts.HarResponse;
import org.iisdiag.facts.HttpErrCount;
import org.iisdiag.facts.IisStatusCount;
import org.junit.jupiter.api.Test;

/**
 * The sample case folders under knowledge-base/cases for Failed Request Tracing and HAR: their files
 * are recognised by content, read cleanly by the new readers, and agree with their IIS/HTTPERR logs.
 */
class SampleCasesTest {

    private static List<ReadReport> readAll(CaseFolder.Scan scan, EvidenceKind kind, EvidenceReader reader) throws IOException {
        List<ReadReport> reports = new ArrayList<>();
        for (CaseFile f : scan.files()) {
            if (f.kind() == kind) {
                ReadReport r = new ReadReport(f.name(), kind);
                try (InputStream in = f.open()) {
                    reader.read(f.name(), f.siteHint(), in, r);
                }
                reports.add(r);
            }
        }
        return reports;
    }

    private static CaseEvidence logs(String name, CaseFolder.Scan scan) {
        CaseEvidence ev = new EvidenceCollector().collect(name, scan);
        assertThat(ev.reports()).allSatisfy(r -> {
            assertThat(r.failed()).as(r.file()).isFalse();
            assertThat(r.problems()).as(r.file()).isEmpty();
        });
        return ev;
    }

    @Test
    void everySampleCaseIsSmall() throws IOException {
        for (String c : List.of("freb-500-19-config", "freb-404-request-filtering", "arr-502-3-timeout", "har-httpsys-503")) {
            try (Stream<Path> files = Files.walk(TestPack.cases().resolve(c))) {
                long size = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
                assertThat(size).as(c).isPositive().isLessThan(200 * 1024);
            }
        }
    }

    @Test
    void the500_19CaseTraceMatchesItsIisLog() throws Exception {
        CaseFolder.Scan scan = CaseFolder.scan(TestPack.cases().resolve("freb-500-19-config"));
        FrebReader freb = new FrebReader();
        assertThat(readAll(scan, EvidenceKind.FAILED_REQUEST_TRACE, freb)).hasSize(2)
                .allSatisfy(r -> assertThat(r.notes()).isEmpty());
        FailedRequestGroup g = freb.groups().get(0);
        assertThat(g.count()).isEqualTo(2);
        assertThat(g.code()).isEqualTo("500.19");
        assertThat(g.module()).isEqualTo("IIS Web Core");
        assertThat(g.errorCode()).isEqualTo("0x8007000d"); // win32 13 in the IIS log
        assertThat(freb.traces().get(0).configLine()).isEqualTo(12);
        IisStatusCount iis = logs("c", scan).statusCounts().stream().filter(s -> s.status() == 500).findFirst().orElseThrow();
        assertThat(iis.substatus()).isEqualTo(19);
        assertThat(iis.win32()).isEqualTo(13);
        assertThat(iis.site()).isEqualTo("W3SVC1");
        assertThat(iis.firstSeen()).isEqualTo(g.firstSeen().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    void theRequestFilteringCaseIs404_7InBeginRequest() throws Exception {
        CaseFolder.Scan scan = CaseFolder.scan(TestPack.cases().resolve("freb-404-request-filtering"));
        FrebReader freb = new FrebReader();
        readAll(scan, EvidenceKind.FAILED_REQUEST_TRACE, freb);
        assertThat(freb.groups()).singleElement().satisfies(g -> {
            assertThat(g.code()).isEqualTo("404.7");
            assertThat(g.module()).isEqualTo("RequestFilteringModule");
            assertThat(g.notification()).isEqualTo("BEGIN_REQUEST");
        });
        assertThat(logs("c", scan).statusCounts()).anyMatch(s -> s.status() == 404 && s.substatus() == 7);
    }

    @Test
    void theArrCaseTimesOutAfterThirtySeconds() throws Exception {
        CaseFolder.Scan scan = CaseFolder.scan(TestPack.cases().resolve("arr-502-3-timeout"));
        FrebReader freb = new FrebReader();
        readAll(scan, EvidenceKind.FAILED_REQUEST_TRACE, freb);
        assertThat(freb.traces()).extracting(t -> t.backendServer())
                .containsExactly("app01.contoso.local", "app02.contoso.local");
        assertThat(freb.traces()).allSatisfy(t -> {
            assertThat(t.code()).isEqualTo("502.3");
            assertThat(t.errorCode()).isEqualTo("0x80072ee2");
            assertThat(t.slowestGap().millis()).isBetween(30_000L, 30_100L);
        });
        assertThat(logs("c", scan).statusCounts()).anyMatch(s -> s.status() == 502 && s.substatus() == 3 && s.win32() == 12002);
    }

    @Test
    void theHarsHttpSys503sAreInHttpErrAtTheSameUtcTimes() throws Exception {
        CaseFolder.Scan scan = CaseFolder.scan(TestPack.cases().resolve("har-httpsys-503"));
        HarReader har = new HarReader();
        assertThat(readAll(scan, EvidenceKind.HAR, har)).singleElement().satisfies(r -> assertThat(r.notes()).isEmpty());
        HarResponse r = har.responses().get(0);
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.answeredBy()).isEqualTo(AnsweredBy.HTTP_SYS);
        assertThat(r.count()).isEqualTo(5);
        assertThat(r.httpSysBody()).contains("Service Unavailable");
        assertThat(r.firstSeen()).isEqualTo(Instant.parse("2024-03-04T14:00:02.118Z"));
        CaseEvidence ev = logs("c", scan);
        HttpErrCount offline = ev.httpErrCounts().stream().filter(h -> h.reason().equals("AppOffline")).findFirst().orElseThrow();
        assertThat(offline.status()).isEqualTo(503);
        assertThat(offline.queue()).isEqualTo("ApiAppPool");
        assertThat(offline.firstSeen()).isEqualTo(Instant.parse("2024-03-04T14:00:02Z"));
        assertThat(ev.statusCounts()).noneMatch(s -> s.status() == 503); // IIS never saw them
    }
}
