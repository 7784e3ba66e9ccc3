package org.iisdiag.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.iisdiag.casefolder.CaseFolder;
import org.iisdiag.evidence.CaseEvidence;
import org.iisdiag.evidence.EvidenceCollector;
import org.iisdiag.evidence.aggregate.FleetFixture;
import org.iisdiag.facts.EvidenceKind;
import org.iisdiag.facts.IisStatusCount;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark job on local[2]: its aggregate diagnoses to the facts a single machine gets from the same logs. */
class FleetJobTest {
    @TempDir
    static Path fleet;
    @TempDir
    static Path out;
    static JavaSparkContext sc;

    @BeforeAll
    static void start() throws Exception {
        FleetFixture.build(fleet, 8000);
        Files.writeString(fleet.resolve("_SUCCESS"), ""); // Hadoop's marker files are not logs
        sc = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("iisdiag-fleet-test")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1"));
    }

    @AfterAll
    static void stop() {
        if (sc != null) {
            sc.close();
        }
    }

    @Test
    void theJobsAggregateGivesTheSingleMachineFactsPerServer() throws Exception {
        Path file = out.resolve("fleet.iisdiag.json");
        FleetJob.write(FleetJob.aggregate(sc, fleet.toUri().toString()), file.toUri().toString(), sc.hadoopConfiguration());
        Path aggregateCase = Files.createDirectories(out.resolve("case"));
        Files.move(file, aggregateCase.resolve("fleet.iisdiag.json"));

        CaseEvidence single = new EvidenceCollector().collect("fleet", CaseFolder.scan(fleet));
        CaseEvidence viaSpark = new EvidenceCollector().collect("fleet", CaseFolder.scan(aggregateCase));

        assertThat(viaSpark.reports()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(EvidenceKind.FLEET_AGGREGATE);
            assertThat(r.failed()).isFalse();
            assertThat(r.entries()).isPositive();
        });
        assertThat(FleetFixture.logFacts(viaSpark)).isEqualTo(FleetFixture.logFacts(single));
        assertThat(viaSpark.statusCounts()).extracting(IisStatusCount::server).containsAll(FleetFixture.SERVERS);
        assertThat(viaSpark.statusCounts().stream().mapToLong(IisStatusCount::count).sum())
                .isEqualTo(single.statusCounts().stream().mapToLong(IisStatusCount::count).sum());
    }
}
