package org.iisdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10: a report written into the case folder would be read as evidence by the next run. */
class OutInsideCaseTest {
    @TempDir
    Path tmp;

    @Test
    void outInsideTheCaseFolderIsRefusedWithExitCode6() throws Exception {
        Path caseDir = Files.createDirectories(tmp.resolve("case"));
        Files.writeString(caseDir.resolve("env.yaml"), "server:\n  name: WEB01\n");
        CliRun run = CliRun.withPack("diagnose", caseDir.toString(), "--out", caseDir.resolve("sub/../report.txt").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OUTPUT_FAILED);
        assertThat(run.err()).contains("is inside the case folder");
        assertThat(caseDir.resolve("report.txt")).doesNotExist();
        CliRun ok = CliRun.withPack("diagnose", caseDir.toString(), "--out", tmp.resolve("report.txt").toString());
        assertThat(ok.exitCode()).isZero();
    }
}
