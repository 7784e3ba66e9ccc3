package org.iisdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.iisdiag.TestPack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --out: the format follows the extension, and a bad target fails at once, before any analysis. */
class DiagnoseOutputTest {
    /** A small case: these tests are about where the report goes, not what it says. */
    private static final String SAMPLE = TestPack.cases().resolve("classic-asp-errors").toString();

    @TempDir
    Path tmp;

    private static CliRun diagnose(String... args) {
        return CliRun.withPack("diagnose", args);
    }

    @Test
    void theExtensionChoosesTheFormatUnlessFormatIsGiven() throws Exception {
        for (ReportFormat format : ReportFormat.values()) {
            CliRun stdout = diagnose(SAMPLE, "--format", format.name());
            Path out = tmp.resolve("report." + (format == ReportFormat.text ? "txt" : format.name()));
            CliRun toFile = diagnose(SAMPLE, "-o", out.toString());
            assertThat(toFile.exitCode()).as(toFile.err()).isZero();
            assertThat(Files.readString(out)).as(format.name()).isEqualTo(stdout.out());
        }
        Path html = tmp.resolve("explicit.html");
        assertThat(diagnose(SAMPLE, "-f", "json", "-o", html.toString()).exitCode()).isZero();
        assertThat(Files.readString(html)).startsWith("{");
        Path unknown = tmp.resolve("report.log");
        assertThat(diagnose(SAMPLE, "-o", unknown.toString()).exitCode()).isZero();
        assertThat(Files.readString(unknown)).startsWith("Diagnosis of ").contains("CASE SUMMARY");
    }

    @Test
    void theMappingIsOneTable() {
        assertThat(ReportFormat.forFile(Path.of("a/B.HTML"))).contains(ReportFormat.html);
        assertThat(ReportFormat.forFile(Path.of("r.htm"))).contains(ReportFormat.html);
        assertThat(ReportFormat.forFile(Path.of("r.markdown"))).contains(ReportFormat.md);
        assertThat(ReportFormat.forFile(Path.of("r.json"))).contains(ReportFormat.json);
        assertThat(ReportFormat.forFile(Path.of("r.txt"))).contains(ReportFormat.text);
        assertThat(ReportFormat.forFile(Path.of("report"))).isEmpty();
        assertThat(ReportFormat.forFile(Path.of("r.pdf"))).isEmpty();
    }

    @Test
    void aMissingFolderFailsBeforeTheRulesAreEvenLoaded() throws Exception {
        // broken rules would exit 4 if the analysis had started: 6 proves the check came first
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("broken.drl"), "rule \"x\" when then end end");
        CliRun run = CliRun.of("diagnose", "--rules", rules.toString(), "--kb", TestPack.kb().toString(), SAMPLE,
                "-o", tmp.resolve("no/such/folder/r.html").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OUTPUT_FAILED);
        assertThat(run.err()).contains("cannot write the report", "does not exist").doesNotContain("rules");
    }

    @Test
    void aFolderOrAFileForAFolderIsRefused() throws Exception {
        assertThat(diagnose(SAMPLE, "-o", tmp.toString()).err()).contains("is a folder");
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        CliRun run = diagnose(SAMPLE, "-o", file.resolve("r.txt").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OUTPUT_FAILED);
    }

    @Test
    void aReportInsideTheCaseIsRefusedItWouldBeReadAsEvidenceNextTime() throws Exception {
        Path c = Files.createDirectories(tmp.resolve("case/W3SVC1"));
        Files.writeString(c.resolve("u_ex1.log"), DiagnoseInputTest.LOG_HEADER
                + "2025-01-09 10:00:01 10.0.0.10 GET /a - 443 - 10.0.0.5 Mozilla/5.0 - 200 0 0 3\n");
        CliRun run = diagnose(tmp.resolve("case").toString(), "-o", c.resolve("report.html").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OUTPUT_FAILED);
        assertThat(run.err()).contains("is inside the case");
        assertThat(c.resolve("report.html")).doesNotExist();
        // through a relative path and "..", too
        CliRun sneaky = diagnose(tmp.resolve("case").toString(), "-o", tmp.resolve("case/W3SVC1/../r.md").toString());
        assertThat(sneaky.exitCode()).isEqualTo(ExitCodes.OUTPUT_FAILED);
        // a one-file case cannot be overwritten by its own report
        CliRun self = diagnose(c.resolve("u_ex1.log").toString(), "-o", c.resolve("u_ex1.log").toString());
        assertThat(self.exitCode()).isEqualTo(ExitCodes.OUTPUT_FAILED);
        assertThat(Files.readString(c.resolve("u_ex1.log"))).startsWith("#Software");
        // next to a one-file case is fine
        assertThat(diagnose(c.resolve("u_ex1.log").toString(), "-o", c.resolve("u_ex1.txt").toString()).exitCode()).isZero();
    }
}
