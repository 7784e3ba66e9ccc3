package org.iisdiag.evidence.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.iisdiag.casefolder.CaseFolder;
import org.iisdiag.evidence.CaseEvidence;
import org.iisdiag.evidence.EvidenceCollector;
import org.iisdiag.evidence.ReadReport;
import org.iisdiag.facts.EvidenceKind;
import org.iisdiag.facts.HttpErrCount;
import org.iisdiag.facts.IisStatusCount;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The aggregate file: written from logs aggregated file by file, read back by diagnose as evidence. */
class AggregateFileTest {
    @TempDir
    static Path fleet;
    @TempDir
    static Path aggregateCase;

    @BeforeAll
    static void buildFleet() throws Exception {
        FleetFixture.build(fleet, 8000);
        FleetFixture.writeAggregate(fleet, aggregateCase);
    }

    @Test
    void anAggregateDiagnosesToTheFactsOfTheLogsItCameFrom() throws Exception {
        CaseEvidence logs = new EvidenceCollector().collect("fleet", CaseFolder.scan(fleet));
        CaseEvidence aggregate = new EvidenceCollector().collect("fleet", CaseFolder.scan(aggregateCase));

        ReadReport r = aggregate.reports().get(0);
        assertThat(r.kind()).isEqualTo(EvidenceKind.FLEET_AGGREGATE);
        assertThat(r.failed()).isFalse();
        assertThat(r.entries()).isEqualTo(logs.reports().stream().mapToLong(ReadReport::entries).sum());
        assertThat(FleetFixture.logFacts(aggregate)).isEqualTo(FleetFixture.logFacts(logs));
    }

    @Test
    void factsCarryTheServerAndTellTheFailingServersApart() throws Exception {
        CaseEvidence ev = new EvidenceCollector().collect("fleet", CaseFolder.scan(aggregateCase));
        assertThat(ev.statusCounts()).extracting(IisStatusCount::server).containsOnlyElementsOf(FleetFixture.SERVERS)
                .containsAll(FleetFixture.SERVERS);
        assertThat(ev.statusCounts()).filteredOn(c -> c.status() == 500 && c.substatus() == 30)
                .extracting(IisStatusCount::server).containsOnly("web02");
        assertThat(ev.httpErrCounts()).filteredOn(c -> c.reason().equals("QueueFull"))
                .extracting(HttpErrCount::server).containsOnly("web03");
        assertThat(ev.statusCounts()).filteredOn(c -> c.status() == 500 && c.substatus() == 30).allSatisfy(c ->
                assertThat(c.samples()).allSatisfy(s -> assertThat(s.file()).startsWith("web02/W3SVC1/u_ex")));
    }

    @Test
    void sampleLinesAreRedactedOnceInTheFileAndReadBackUnchanged(@TempDir Path logs, @TempDir Path agg) throws Exception {
        java.nio.file.Files.createDirectories(logs.resolve("W3SVC1"));
        java.nio.file.Files.writeString(logs.resolve("W3SVC1/u_ex240301.log"), """
                #Software: Microsoft Internet Information Services 10.0
                #Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(Cookie) sc-status sc-substatus sc-win32-status time-taken
                2024-03-01 10:00:00 10.0.0.5 GET /api/orders token=s3cretT0ken&x=1 443 - 10.1.1.1 ASP.NET_SessionId=abcdef123456 500 0 0 15
                2024-03-01 10:00:01 10.0.0.5 GET /api/orders password=hunter2 443 - 10.1.1.1 - 500 0 0 16
                """, StandardCharsets.UTF_8);
        FleetFixture.writeAggregate(logs, agg);
        String file = java.nio.file.Files.readString(agg.resolve("fleet.iisdiag.json"), StandardCharsets.UTF_8);
        assertThat(file).contains("/api/orders").doesNotContain("s3cretT0ken", "hunter2", "abcdef123456");
        CaseEvidence direct = new EvidenceCollector().collect("c", CaseFolder.scan(logs));
        CaseEvidence back = new EvidenceCollector().collect("c", CaseFolder.scan(agg));
        assertThat(back.statusCounts()).flatExtracting(IisStatusCount::samples).hasSize(2)
                .isEqualTo(direct.statusCounts().stream().flatMap(c -> c.samples().stream()).toList());
    }

    @Test
    void theProtocolVersionsOf401sSurviveTheAggregate(@TempDir Path logs, @TempDir Path agg) throws Exception {
        java.nio.file.Files.createDirectories(logs.resolve("W3SVC2"));
        java.nio.file.Files.writeString(logs.resolve("W3SVC2/u_ex250923.log"), """
                #Software: Microsoft Internet Information Services 10.0
                #Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs-version sc-status sc-substatus sc-win32-status time-taken
                2025-09-23 06:00:04 10.0.0.21 GET /api - 443 - 10.0.9.31 HTTP/2 401 2 5 1
                2025-09-23 06:00:06 10.0.0.21 GET /api - 443 - 10.0.9.31 HTTP/2 401 2 5 0
                2025-09-23 06:01:00 10.0.0.21 GET /hr/ - 443 - 10.0.51.7 HTTP/1.1 401 2 5 0
                """, StandardCharsets.UTF_8);
        FleetFixture.writeAggregate(logs, agg);
        CaseEvidence back = new EvidenceCollector().collect("c", CaseFolder.scan(agg));
        assertThat(back.statusCounts()).singleElement().satisfies(c -> {
            assertThat(c.http2()).isEqualTo(2);
            assertThat(c.versions()).extracting(org.iisdiag.facts.UriCount::uri).containsExactly("HTTP/2", "HTTP/1.1");
        });
    }

    @Test
    void anotherVersionOrAMalformedFileIsRefusedClearly() {
        assertThatThrownBy(() -> AggregateFile.read(json("{\"format\":\"iisdiag-aggregate\",\"version\":2}")))
                .hasMessageContaining("version 2 is not supported");
        assertThatThrownBy(() -> AggregateFile.read(json("{\"format\":\"iisdiag-aggregate\",\"version\":1,\"iis\":{}}")))
                .hasMessageContaining("malformed iisdiag-aggregate file");
        assertThat(AggregateFile.recognise("{\"format\":\"iisdiag-aggregate\",\"version\":1")).isTrue();
        assertThat(AggregateFile.recognise("{\"log\":{\"entries\":[]}}")).isFalse();
    }

    private static ByteArrayInputStream json(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
