package org.iisdiag.evidence.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.iisdiag.cli.CliRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet rules end to end, through the CLI: four servers, web02 failing with 500.30 and web03's pool
 * stopped, read as logs and as the aggregate the fleet job writes. One server's failure is that server's:
 * the top action names a failing server, and the healthy ones are never blamed.
 */
class FleetDiagnosisTest {
    @TempDir
    static Path fleet;
    @TempDir
    static Path aggregateCase;

    @BeforeAll
    static void buildFleet() throws Exception {
        FleetFixture.build(fleet, 8000);
        FleetFixture.writeAggregate(fleet, aggregateCase);
    }

    private static JsonNode diagnose(Path dir) throws Exception {
        CliRun run = CliRun.withPack("diagnose", dir.toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void theTopActionNamesAFailingServerAndNoHealthyOneIsBlamed() throws Exception {
        JsonNode report = diagnose(fleet);
        JsonNode top = report.get("actions").get(0);
        assertThat(top.get("target").get("server").asText()).as(top.toString()).isIn("web02", "web03");
        List<String> blamed = new ArrayList<>();
        for (JsonNode d : report.get("diagnoses")) {
            if (d.get("id").asText().equals("errors-on-one-server")) {
                blamed.add(d.get("target").get("server").asText());
            }
        }
        assertThat(blamed).contains("web02").doesNotContain("web01", "web04");
        // web02's start-up failure is its own diagnosis, about web02
        assertThat(report.get("diagnoses")).anySatisfy(d -> {
            assertThat(d.get("id").asText()).isEqualTo("ancm-inprocess-start-failure");
            assertThat(d.get("target").get("server").asText()).isEqualTo("web02");
        });
    }

    @Test
    void theAggregateGivesTheSameDiagnosesAndActions() throws Exception {
        JsonNode logs = diagnose(fleet);
        JsonNode aggregate = diagnose(aggregateCase);
        assertThat(ids(aggregate.get("diagnoses"))).isEqualTo(ids(logs.get("diagnoses")));
        assertThat(ids(aggregate.get("actions"))).isEqualTo(ids(logs.get("actions")));
        assertThat(aggregate.get("summary").get("requests")).isEqualTo(logs.get("summary").get("requests"));
    }

    private static List<String> ids(JsonNode items) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.get("id").asText() + "@" + i.get("target").get("text").asText()));
        return out;
    }
}
