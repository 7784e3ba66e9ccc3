package org.iisdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.iisdiag.TestPack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What diagnose accepts as a case (folder, zip, one file), what it does without evidence, and env.yaml problems. */
class DiagnoseInputTest {
    private static final Path SAMPLE = TestPack.cases().resolve("503-rapid-fail");
    static final String LOG_HEADER = """
            #Software: Microsoft Internet Information Services 10.0
            #Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken
            """;

    @TempDir
    Path tmp;

    private static CliRun diagnose(String... args) {
        return CliRun.withPack("diagnose", args);
    }

    private static JsonNode json(CliRun run) throws IOException {
        return new ObjectMapper().readTree(run.out());
    }

    private static List<String> actionIds(JsonNode report) {
        List<String> ids = new ArrayList<>();
        report.get("actions").forEach(a -> ids.add(a.get("id").asText()));
        return ids;
    }

    private static Path zipOf(Path folder, Path zip) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out);
             Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                z.putNextEntry(new ZipEntry(folder.relativize(p).toString().replace('\\', '/')));
                z.write(Files.readAllBytes(p));
                z.closeEntry();
            }
        }
        return zip;
    }

    @Test
    void aZipOfTheCaseGivesTheSameActionsAsTheFolder() throws Exception {
        Path zip = zipOf(SAMPLE, tmp.resolve("503-rapid-fail.zip"));
        CliRun fromZip = diagnose(zip.toString(), "-f", "json");
        assertThat(fromZip.exitCode()).as(fromZip.err()).isZero();
        JsonNode report = json(fromZip);
        assertThat(actionIds(report)).isEqualTo(actionIds(json(diagnose(SAMPLE.toString(), "-f", "json"))));
        assertThat(report.get("inputs").get(0).get("name").asText()).startsWith("503-rapid-fail.zip!/");
    }

    @Test
    void aSingleLogFileIsACaseNamedInTheReport() throws Exception {
        Path log = tmp.resolve("u_ex250109.log");
        Files.writeString(log, LOG_HEADER
                + "2025-01-09 10:00:01 10.0.0.10 GET /a - 443 - 10.0.0.5 Mozilla/5.0 - 500 19 13 3\n");
        CliRun run = diagnose(log.toString(), "-f", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = json(run);
        assertThat(report.get("summary").get("caseFolder").asText()).isEqualTo(log.toString());
        assertThat(report.get("inputs")).singleElement().satisfies(i -> {
            assertThat(i.get("name").asText()).isEqualTo("u_ex250109.log");
            assertThat(i.get("used").asBoolean()).isTrue();
        });
        assertThat(actionIds(report)).contains("fix-invalid-configuration");
    }

    @Test
    void eventsPastedFromEventViewerAsTextAreReadAndConcludeTheCause() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("pasted-events"));
        Files.write(dir.resolve("what-event-viewer-showed.txt"),
                org.iisdiag.evidence.Fixtures.bytes("eventlog/eventviewer-copied.txt"));
        Files.writeString(dir.resolve("u_ex250311.log"), LOG_HEADER
                + "2025-03-11 14:14:22 10.0.0.10 GET /orders/checkout.aspx - 443 - 10.1.2.3 Mozilla/5.0 - 500 0 0 120\n"
                + "2025-03-11 14:14:40 10.0.0.10 GET /orders/checkout.aspx - 443 - 10.1.2.4 Mozilla/5.0 - 500 0 0 98\n");
        CliRun run = diagnose(dir.toString(), "-f", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = json(run);
        assertThat(report.get("inputs")).anySatisfy(i -> {
            assertThat(i.get("name").asText()).isEqualTo("what-event-viewer-showed.txt");
            assertThat(i.get("kind").asText()).isEqualTo("event log export (Event Viewer text)");
            assertThat(i.get("entries").asLong()).isEqualTo(2);
        });
        // the pasted 1309 names the pool identity SQL Server refused: its fix, not "collect the event log"
        assertThat(actionIds(report).get(0)).isEqualTo("grant-sql-login-to-pool-identity");
    }

    @Test
    void aPermissionStepNamesTheFolderOfTheWebConfigTheDetailedErrorNames() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("saved-500-19"));
        Files.writeString(dir.resolve("500-19.htm"), "<html><body><h3>HTTP Error 500.19 - Internal Server Error</h3>\n"
                + "<h4>The requested page cannot be accessed because the related configuration data for the page is invalid.</h4>\n"
                + "<fieldset><h4>Detailed Error Information:</h4><table>\n"
                + "<tr><th>Module</th><td>&nbsp;&nbsp;&nbsp;IIS Web Core</td></tr>\n"
                + "<tr><th>Error Code</th><td>&nbsp;&nbsp;&nbsp;0x80070005</td></tr>\n"
                + "<tr><th>Config Error</th><td>&nbsp;&nbsp;&nbsp;Cannot read configuration file due to insufficient permissions</td></tr>\n"
                + "<tr><th>Config File</th><td>&nbsp;&nbsp;&nbsp;\\\\?\\E:\\Sites\\Intranet\\web.config</td></tr>\n"
                + "</table></fieldset></body></html>\n");
        CliRun run = diagnose(dir.toString(), "-f", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode fix = json(run).get("actions").get(0);
        assertThat(fix.get("id").asText()).isEqualTo("check-content-permissions");
        List<String> steps = new ArrayList<>();
        fix.get("steps").forEach(st -> steps.add(st.asText()));
        // the folder is known: no step to look it up, and the grants name it, quoted
        assertThat(steps).noneMatch(st -> st.contains("list vdir"));
        assertThat(steps).anyMatch(st -> st.contains("icacls \"E:\\Sites\\Intranet\" /grant"));
    }

    @Test
    void aBinaryEventLogIsListedWithTheCommandThatExportsIt() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("evtx"));
        byte[] evtx = new byte[4096];
        System.arraycopy("ElfFile\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, evtx, 0, 8);
        Files.write(dir.resolve("Application.evtx"), evtx);
        Files.writeString(dir.resolve("u_ex250311.log"), LOG_HEADER
                + "2025-03-11 14:14:22 10.0.0.10 GET /orders/checkout.aspx - 443 - 10.1.2.3 Mozilla/5.0 - 500 0 0 120\n");
        CliRun run = diagnose(dir.toString(), "-f", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(json(run).get("inputs")).anySatisfy(i -> {
            assertThat(i.get("name").asText()).isEqualTo("Application.evtx");
            assertThat(i.get("kind").asText()).isEqualTo("event log file (.evtx, binary)");
            assertThat(i.get("used").asBoolean()).isFalse();
            assertThat(i.get("notes").get(0).asText()).contains("wevtutil qe 'Application.evtx' /lf:true /f:RenderedXml",
                    "'Application.xml'");
        });
    }

    @Test
    void anEmptyCaseExits11AndSaysSo() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        CliRun run = diagnose(empty.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.NO_USABLE_EVIDENCE).isEqualTo(11);
        assertThat(run.err()).contains("no usable evidence in " + empty);
        assertThat(run.out()).as("the report is still there, honest about its inputs").contains("CASE SUMMARY", "Files: 0 read");
    }

    @Test
    void onlyUnrecognisedFilesExit11WithTheFilesListed() throws Exception {
        Path junk = Files.createDirectories(tmp.resolve("junk"));
        Files.writeString(junk.resolve("notes.txt"), "called the customer, they see errors\n");
        Files.write(junk.resolve("screenshot.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
        CliRun run = diagnose(junk.toString(), "-f", "json");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.NO_USABLE_EVIDENCE);
        assertThat(run.err()).contains("no usable evidence", "2 file(s)");
        assertThat(json(run).get("inputs")).hasSize(2).allSatisfy(i -> assertThat(i.get("used").asBoolean()).isFalse());
        // a single unrecognised file is the same
        assertThat(diagnose(junk.resolve("notes.txt").toString()).exitCode()).isEqualTo(ExitCodes.NO_USABLE_EVIDENCE);
    }

    @Test
    void anEnvYamlTypoIsSaidOnStderrWithItsLineAndTheRestOfTheFileIsUsed() throws Exception {
        Path c = Files.createDirectories(tmp.resolve("case"));
        Files.writeString(c.resolve("env.yaml"), "server:\n  name: WEB07\n  internetFacng: true\nreported:\n  statusCodes: [503]\n");
        Files.writeString(c.resolve("u_ex250109.log"), LOG_HEADER
                + "2025-01-09 10:00:01 10.0.0.10 GET /a - 443 - 10.0.0.5 Mozilla/5.0 - 200 0 0 3\n");
        CliRun run = diagnose(c.toString(), "-f", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("iisdiag: env.yaml:3: unknown key 'internetFacng'");
        JsonNode env = json(run).get("summary").get("environment");
        assertThat(env.get("serverName").asText()).isEqualTo("WEB07");
        assertThat(env.get("reportedStatusCodes").get(0).asInt()).isEqualTo(503);
    }

    @Test
    void aProgressLineIsDrawnOnATerminalForALargeCaseAndErased() throws Exception {
        Path c = Files.createDirectories(tmp.resolve("big/W3SVC1"));
        StringBuilder log = new StringBuilder(LOG_HEADER);
        String line = "2025-01-09 10:00:01 10.0.0.10 GET /products/catalog/item - 443 - 10.0.0.5 Mozilla/5.0+(Windows+NT+10.0) - 200 0 0 3\n";
        while (log.length() < TerminalProgress.LARGE_CASE_BYTES) {
            log.append(line);
        }
        Files.writeString(c.resolve("u_ex250109.log"), log);
        String caseDir = tmp.resolve("big").toString();

        CliRun terminal = CliRun.onTerminal("diagnose", "--rules", TestPack.rules().toString(), "--kb",
                TestPack.kb().toString(), caseDir);
        assertThat(terminal.exitCode()).as(terminal.err()).isZero();
        assertThat(terminal.err()).startsWith("\riisdiag: reading 1/1 W3SVC1/u_ex250109.log, 0 MB").endsWith("\r")
                .doesNotContain("\n");

        CliRun pipe = diagnose(caseDir);
        assertThat(pipe.err()).as("never into a file or pipe").isEmpty();
        assertThat(pipe.out()).isEqualTo(terminal.out());
        // a small case on a terminal: nothing to wait for, no line
        assertThat(CliRun.onTerminal("diagnose", "--rules", TestPack.rules().toString(), "--kb", TestPack.kb().toString(),
                SAMPLE.resolve("HTTPERR").toString()).err()).isEmpty();
    }

    @Test
    void helpDocumentsTheNewExitCodeAndTheEnvironment() {
        CliRun help = CliRun.of("diagnose", "--help");
        assertThat(help.out()).contains("11   no usable evidence", "IISDIAG_RULES", "IISDIAG_KB", "IISDIAG_HOME",
                "IISDIAG_CACHE_DIR", ".zip (as Collect-IisCase.ps1");
        assertThat(CliRun.of("--help").out()).contains("IISDIAG_HOME");
    }

    @Test
    void versionNamesToolDroolsAndThePackInUse() {
        CliRun v = CliRun.of("--version");
        assertThat(v.exitCode()).isZero();
        // surefire sets iisdiag.home to the project, as a launcher would
        assertThat(v.out().strip()).matches("iisdiag \\S+, Drools \\d+\\.\\d+\\.\\S+, rule pack [0-9a-f]{12} \\(\\S.*\\)")
                .endsWith("(" + TestPack.home() + ")");
        CliRun named = CliRun.of("diagnose", "--rules", TestPack.rules().toString(), "--kb", "/no/such/kb", "--version");
        assertThat(named.out()).contains("rule pack unavailable (knowledge base folder not found: /no/such/kb)");
    }
}
