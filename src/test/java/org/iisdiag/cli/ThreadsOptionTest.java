package org.iisdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.iisdiag.evidence.Fixtures;
import org.iisdiag.evidence.aggregate.FleetFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** diagnose --threads N: the report is byte-identical for any N, on logs larger than one block. */
class ThreadsOptionTest {

    @Test
    void theJsonReportIsTheSameForOneThreadAndForMany(@TempDir Path caseDir) throws Exception {
        FleetFixture.build(caseDir, 45_000); // four servers, 2 files each: several 8 MiB blocks in all
        Files.createDirectories(caseDir.resolve("beats"));
        try (Stream<Path> s = Files.list(Fixtures.path("real"))) {
            for (Path f : s.filter(f -> f.getFileName().toString().endsWith(".log")).toList()) {
                Files.copy(f, caseDir.resolve("beats").resolve(f.getFileName()));
            }
        }
        CliRun one = CliRun.withPack("diagnose", caseDir.toString(), "--format", "json", "--threads", "1");
        CliRun many = CliRun.withPack("diagnose", caseDir.toString(), "--format", "json", "--threads", "5");
        CliRun dflt = CliRun.withPack("diagnose", caseDir.toString(), "--format", "json");
        assertThat(one.exitCode()).as(one.err()).isZero();
        assertThat(one.out()).contains("web03").contains("QueueFull");
        assertThat(many.out()).isEqualTo(one.out());
        assertThat(dflt.out()).isEqualTo(one.out());
    }
}
