package org.iisdiag.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.iisdiag.TestPack;
import org.iisdiag.cli.CliRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A daemon on a socket of its own, served in this JVM, and clients talking to it as main does: what they print
 * and the exit codes must be those of a one-shot run of the same command.
 */
class DiagnosisDaemonTest {
    @TempDir
    static Path dir;
    private static DaemonAddress address;
    private static DiagnosisDaemon daemon;
    private static Thread serving;
    private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();

    @BeforeAll
    static void startDaemon() throws Exception {
        address = new DaemonAddress(dir.resolve("d.sock"));
        daemon = new DiagnosisDaemon(address, Duration.ofMinutes(5));
        PrintStream log = new PrintStream(LOG, true, StandardCharsets.UTF_8);
        serving = new Thread(() -> {
            try {
                daemon.serve(log);
            } catch (Exception e) {
                log.println("serve failed: " + e);
            }
        });
        serving.start();
        for (int i = 0; i < 200 && DaemonControl.status(address) == null; i++) {
            Thread.sleep(50);
        }
        assertThat(DaemonControl.status(address)).as(LOG.toString(StandardCharsets.UTF_8)).isNotNull();
    }

    @AfterAll
    static void stopDaemon() throws Exception {
        assertThat(DaemonControl.stop(address)).contains("stopping");
        serving.join(30_000);
        assertThat(serving.isAlive()).isFalse();
        assertThat(address.socket()).doesNotExist();
        assertThat(DaemonControl.status(address)).isNull();
    }

    /** What a client relays, as main relays it. */
    private record Served(Integer code, String out, String err) {
    }

    private static Served served(Path workingDir, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Integer code = DaemonClient.forward(address, List.of(args), workingDir, false, out, err);
        return new Served(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aServedDiagnosePrintsWhatAOneShotRunPrintsInEveryFormat() {
        for (String c : List.of("503-rapid-fail", "classic-asp-errors", "w3wp-crashes")) {
            // every format on one case, JSON (everything the report holds) on the others
            for (String format : c.equals("503-rapid-fail") ? List.of("text", "json", "html", "md", "sarif") : List.of("json")) {
                String caseDir = TestPack.cases().resolve(c).toString();
                CliRun oneShot = CliRun.of("diagnose", caseDir, "--format", format);
                Served s = served(dir, "diagnose", caseDir, "--format", format);
                assertThat(s.code()).as(c + " " + format).isEqualTo(oneShot.exitCode()).isZero();
                assertThat(s.out()).as(c + " " + format).isEqualTo(oneShot.out());
                assertThat(s.err()).isEqualTo(oneShot.err());
            }
        }
        assertThat(DaemonControl.status(address)).contains("reused").contains("run(s) served");
    }

    @Test
    void relativePathsAreTheClientsAndTheReportNamesThemAsTyped() throws Exception {
        Served s = served(TestPack.cases(), "diagnose", "503-rapid-fail", "--format", "json", "--out", "../../target/x.json");
        // the working folder is knowledge-base/cases: ../../target is the project's target folder
        Path written = TestPack.cases().resolve("../../target/x.json").normalize();
        assertThat(s.code()).as(s.err()).isZero();
        assertThat(s.err()).contains("to ../../target/x.json");
        String report = Files.readString(written);
        assertThat(report).contains("\"caseFolder\" : \"503-rapid-fail\"");
        CliRun oneShot = CliRun.of("diagnose", TestPack.cases().resolve("503-rapid-fail").toString(), "--format", "json");
        assertThat(report.replace("\"caseFolder\" : \"503-rapid-fail\"", ""))
                .isEqualTo(oneShot.out().replace("\"caseFolder\" : \"" + TestPack.cases().resolve("503-rapid-fail") + "\"", ""));
        Files.delete(written);
    }

    @Test
    void failuresKeepTheirExitCodesAndMessages() {
        String missing = dir.resolve("no-such-case").toString();
        Served s = served(dir, "diagnose", missing);
        CliRun oneShot = CliRun.of("diagnose", missing);
        assertThat(s.code()).isEqualTo(oneShot.exitCode()).isEqualTo(3);
        assertThat(s.err()).isEqualTo(oneShot.err()).isNotEmpty();
        Served usage = served(dir, "diagnose", missing, "--format", "nonsense");
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.err()).isEqualTo(CliRun.of("diagnose", missing, "--format", "nonsense").err());
    }

    @Test
    void commandsItDoesNotServeAreLeftToTheClient() {
        String c = TestPack.cases().resolve("503-rapid-fail").toString();
        for (String[] args : new String[][] {{"lint"}, {"diagnose", "--rules", "r", c}, {"diagnose", "--no-cache", c},
                {"diagnose", "--watch", c}, {"diagnose", "@args.txt"}, {"diagnose", "--help"}}) {
            assertThat(served(dir, args).code()).as(String.join(" ", args)).isNull();
        }
    }

    @Test
    void noDaemonAtAnAddressMeansTheClientRunsItself() {
        DaemonAddress none = new DaemonAddress(dir.resolve("none.sock"));
        assertThat(DaemonClient.forward(none, List.of("diagnose", "x"), dir, false, new ByteArrayOutputStream(),
                new ByteArrayOutputStream())).isNull();
        assertThat(DaemonControl.status(none)).isNull();
    }
}
