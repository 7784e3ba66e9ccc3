package org.iisdiag.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.iisdiag.TestPack;
import org.iisdiag.cli.CliRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** --format sarif: valid SARIF 2.1.0 (the OASIS schema, vendored in test resources), deterministic, faithful to the report. */
class SarifRendererTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema sarifSchema;

    @TempDir
    Path temp;

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = SarifRendererTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            sarifSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }

    static List<Path> cases() throws Exception {
        try (var s = Files.list(TestPack.cases())) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    private static JsonNode sarifOf(Path caseDir) throws Exception {
        DiagnosisReport report = TestPack.diagnosis().diagnose(caseDir, caseDir.getFileName().toString());
        return JSON.readTree(new SarifRenderer().render(Detail.full.apply(report)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyBundledCaseIsValidSarif(Path caseDir) throws Exception {
        JsonNode sarif = sarifOf(caseDir);
        Set<ValidationMessage> problems = sarifSchema.validate(sarif);
        assertThat(problems).as("SARIF of " + caseDir.getFileName()).isEmpty();
        for (JsonNode result : sarif.at("/runs/0/results")) {
            for (JsonNode loc : result.path("locations")) {
                String uri = loc.at("/physicalLocation/artifactLocation/uri").asText();
                assertThat(TestPack.cases().resolve(caseDir.getFileName().toString()).resolve(
                        java.net.URI.create(uri).getPath())).as("a location is a file of the case").exists();
            }
        }
    }

    @Test
    void oneRunWithTheToolTheDiagnosesAndTheirEvidenceLines() throws Exception {
        // through the command line, for the tool name it gives (tests' own pack is "iisdiag test")
        String caseDir = TestPack.cases().resolve("503-rapid-fail").toString();
        DiagnosisReport report = JSON.readValue(CliRun.withPack("diagnose", caseDir, "-f", "json").out(),
                DiagnosisReport.class);
        JsonNode sarif = JSON.readTree(CliRun.withPack("diagnose", caseDir, "-f", "sarif").out());
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.path("runs")).hasSize(1);
        JsonNode driver = sarif.at("/runs/0/tool/driver");
        assertThat(driver.path("name").asText()).isEqualTo("iisdiag");
        assertThat(report.tool()).startsWith("iisdiag " + driver.path("version").asText() + ",")
                .endsWith("rule pack " + driver.at("/properties/rulePack").asText());
        List<String> ruleIds = new ArrayList<>();
        driver.path("rules").forEach(r -> ruleIds.add(r.path("id").asText()));
        assertThat(ruleIds).containsExactlyElementsOf(report.diagnoses().stream().map(d -> d.id()).distinct().toList());

        JsonNode results = sarif.at("/runs/0/results");
        assertThat(results).hasSize(report.diagnoses().size());
        var first = report.diagnoses().get(0);
        JsonNode r0 = results.get(0);
        assertThat(r0.path("ruleId").asText()).isEqualTo(first.id());
        assertThat(r0.path("level").asText()).isEqualTo(SarifRenderer.level(first.severity()));
        assertThat(r0.at("/message/text").asText()).startsWith(first.title()).contains(first.evidence().get(0).summary());
        var sample = first.evidence().get(0).samples().get(0);
        JsonNode loc = r0.at("/locations/0/physicalLocation");
        assertThat(loc.at("/artifactLocation/uri").asText()).isEqualTo(sample.file());
        assertThat(loc.at("/artifactLocation/uriBaseId").asText()).isEqualTo("CASE");
        assertThat(loc.at("/region/startLine").asLong()).isEqualTo(sample.line());
        List<String> actions = new ArrayList<>();
        r0.at("/properties/actions").forEach(a -> actions.add(a.path("id").asText()));
        assertThat(actions).containsExactlyElementsOf(report.actions().stream()
                .filter(a -> a.serves().contains(first.id())).map(a -> a.id()).toList());
        assertThat(r0.at("/properties/actions/0/steps")).as("full detail: the steps are there").isNotEmpty();
    }

    @ParameterizedTest
    @CsvSource({"critical, error", "high, error", "medium, warning", "low, note", "info, note"})
    void levelFollowsSeverity(String severity, String level) {
        assertThat(SarifRenderer.level(severity)).isEqualTo(level);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "W3SVC1/u_ex250109.log, W3SVC1/u_ex250109.log",
            "'logs\\W3SVC1\\u_ex1.log', logs/W3SVC1/u_ex1.log",
            "my logs/a b.log, my%20logs/a%20b.log",
            "/etc/passwd, null",
            "C:/inetpub/logs/x.log, null",
            "../outside.log, null",
            "a/../../outside.log, null"})
    void locationsStayInsideTheCaseFolder(String file, String uri) {
        assertThat(SarifRenderer.caseRelativeUri(file)).isEqualTo(uri);
    }

    @Test
    void outputIsDeterministicAndInferredFromTheExtension() throws Exception {
        Path caseDir = TestPack.cases().resolve("freb-500-19-config");
        Path a = temp.resolve("a.sarif");
        Path b = temp.resolve("b.sarif");
        CliRun first = CliRun.withPack("diagnose", caseDir.toString(), "-o", a.toString());
        CliRun second = CliRun.withPack("diagnose", caseDir.toString(), "--format", "sarif", "-o", b.toString());
        assertThat(first.exitCode()).as(first.err()).isEqualTo(second.exitCode());
        assertThat(Files.readString(a)).isEqualTo(Files.readString(b));
        assertThat(sarifSchema.validate(JSON.readTree(Files.readString(a)))).isEmpty();
        assertThat(JSON.readTree(Files.readString(a)).path("version").asText()).isEqualTo("2.1.0");
    }
}
