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
