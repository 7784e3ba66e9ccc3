package org.iisdiag.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.iisdiag.TestPack;
import org.iisdiag.cli.CliRun;
import org.iisdiag.report.DiagnosisReport;
import org.iisdiag.report.JsonRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The report schema is generated from the report records (drift test), and the reports of the bundled
 * sample cases validate against it. Scenarios check their own reports (ScenarioRunner).
 */
class ReportSchemaTest {
    /** Set to rewrite knowledge-base/schemas/report.schema.json instead of failing on a difference. */
    static final String UPDATE = "iisdiag.updateSchemas";
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path committed() {
        return TestPack.kb().resolve("schemas/report.schema.json");
    }

    @Test
    void committedSchemaIsTheGeneratedOne() throws IOException {
        String generated = ReportSchemaGenerator.generate();
        if (Boolean.getBoolean(UPDATE)) {
            Files.writeString(committed(), generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(committed())).as(committed() + " exists").isTrue();
        assertThat(Files.readString(committed(), StandardCharsets.UTF_8))
                .as("knowledge-base/schemas/report.schema.json is out of date with the DiagnosisReport records; "
                        + "regenerate it with: mvn -o -Dtest=ReportSchemaTest -D" + UPDATE + "=true test")
                .isEqualTo(generated);
    }

    @Test
    void generationIsDeterministic() {
        assertThat(ReportSchemaGenerator.generate()).isEqualTo(ReportSchemaGenerator.generate());
    }

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> s = Files.list(TestPack.cases())) {
            return s.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyBundledCaseReportMatchesTheSchema(Path caseDir) throws Exception {
        DiagnosisReport report = TestPack.diagnosis().diagnose(caseDir, caseDir.getFileName().toString());
        JsonNode json = JSON.readTree(new JsonRenderer().render(report));
        assertThat(Schemas.validate(Schemas.named("report"), json)).extracting(SchemaProblem::message)
                .as("report of " + caseDir.getFileName()).isEmpty();
    }

    @Test
    void aReportWithTraceAndWhyNotMatchesTheSchema() throws Exception {
        CliRun run = CliRun.withPack("diagnose", TestPack.cases().resolve("503-rapid-fail").toString(),
                "--format", "json", "--trace", "--why-not", "collect-iis-logs");
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.has("trace")).as(run.err()).isTrue();
        assertThat(json.has("whyNot")).as(run.err()).isTrue();
        assertThat(Schemas.validate(Schemas.named("report"), json)).extracting(SchemaProblem::message).isEmpty();
    }

    @Test
    void aReportThatBreaksTheSchemaFails() throws Exception {
        DiagnosisReport report = TestPack.diagnosis().diagnose(TestPack.cases().resolve("503-rapid-fail"), "x");
        ObjectNode json = (ObjectNode) JSON.readTree(new JsonRenderer().render(report));
        json.put("schemaVersion", 99);
        ((ObjectNode) json.path("summary")).put("filesRead", "many");
        json.put("surprise", true);
        List<String> problems = Schemas.validate(Schemas.named("report"), json).stream()
                .map(p -> p.pointer() + ": " + p.message()).toList();
        assertThat(problems).containsExactlyInAnyOrder(": unknown field 'surprise'",
                "/schemaVersion: field 'schemaVersion' must be '2'",
                "/summary/filesRead: field 'summary.filesRead' must be a whole number, got 'many'");
    }
}
