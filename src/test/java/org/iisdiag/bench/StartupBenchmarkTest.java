package org.iisdiag.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The pure parts of the start-up benchmark: commands, statistics, table and verdict. No JVM is spawned. */
class StartupBenchmarkTest {
    private static final Path JAVA = Path.of("/jdk/bin/java");
    private static final Path JAR = Path.of("/repo/target/iisdiag.jar");
    private static final Path HOME = Path.of("/repo");
    private static final Path CASE = Path.of("/repo/knowledge-base/cases/503-rapid-fail");

    private static StartupBenchmark.Stats stats(double... seconds) {
        long[] nanos = new long[seconds.length];
        for (int i = 0; i < seconds.length; i++) {
            nanos[i] = Math.round(seconds[i] * 1e9);
        }
        return new StartupBenchmark.Stats(nanos);
    }

    @Test
    void diagnoseCommandPutsJvmOptionsBeforeTheJarAndTheCaseLast() {
        assertThat(StartupBenchmark.diagnoseCommand(JAVA, List.of(), HOME, JAR, CASE)).containsExactly(
                "/jdk/bin/java", "-Diisdiag.home=/repo", "-jar", "/repo/target/iisdiag.jar", "diagnose",
                "/repo/knowledge-base/cases/503-rapid-fail");
        assertThat(StartupBenchmark.diagnoseCommand(JAVA, StartupBenchmark.coldOptions(), HOME, JAR, CASE))
                .startsWith("/jdk/bin/java", "-Xshare:off", "-Diisdiag.home=/repo", "-jar");
    }

    @Test
    void cdsOptionsMatchTheLauncher() {
        Path jsa = Path.of("/tmp/x/iisdiag.jsa");
        List<String> launcher = org.iisdiag.cli.LauncherJvmOptions.forThisMachine();
        assertThat(StartupBenchmark.dumpOptions(jsa)).startsWith(launcher.toArray(String[]::new)).endsWith(
                "-XX:ArchiveClassesAtExit=/tmp/x/iisdiag.jsa", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        assertThat(StartupBenchmark.useOptions(jsa)).startsWith(launcher.toArray(String[]::new)).endsWith(
                "-XX:SharedArchiveFile=/tmp/x/iisdiag.jsa", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        assertThat(StartupBenchmark.diagnoseCommand(JAVA, StartupBenchmark.useOptions(jsa), HOME, JAR, CASE)
                .subList(1, launcher.size() + 4)).isEqualTo(StartupBenchmark.useOptions(jsa));
    }

    @Test
    void bestIsTheMinimumAndMedianTheMiddle() {
        StartupBenchmark.Stats odd = stats(0.9, 0.5, 2.0, 0.7, 0.6);
        assertThat(odd.bestSeconds()).isEqualTo(0.5);
        assertThat(odd.medianSeconds()).isEqualTo(0.7);
        StartupBenchmark.Stats even = stats(0.4, 1.0, 0.6, 0.8);
        assertThat(even.bestSeconds()).isEqualTo(0.4);
        assertThat(even.medianSeconds()).isCloseTo(0.7, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(stats(1.25).medianSeconds()).isEqualTo(1.25);
        assertThatThrownBy(() -> new StartupBenchmark.Stats(new long[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statsDoNotShareTheCallersArray() {
        long[] nanos = {3, 1, 2};
        StartupBenchmark.Stats s = new StartupBenchmark.Stats(nanos);
        nanos[1] = 100;
        assertThat(s.bestSeconds()).isEqualTo(1e-9);
        assertThat(s.nanos()).containsExactly(3, 1, 2); // the order of the repetitions is kept
    }

    @Test
    void tableShowsBestMedianAndRatiosToTheFloor() {
        StartupBenchmark.Stats floor = stats(0.05, 0.04, 0.06);
        String table = StartupBenchmark.table(List.of(
                new StartupBenchmark.Row("java -version (floor)", floor),
                new StartupBenchmark.Row("cold", stats(4.0, 4.4, 4.2)),
                new StartupBenchmark.Row("warm + AppCDS (launcher)", stats(0.8, 1.0, 0.9))), floor);
        List<String> lines = table.lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).contains("reps", "best s", "median s", "best/floor", "median/floor");
        assertThat(lines.get(1)).startsWith("java -version (floor)").contains("0.040", "0.050", "1.0x");
        assertThat(lines.get(2)).startsWith("cold").contains(" 3 ", "4.000", "4.200", "100.0x", "84.0x");
        assertThat(lines.get(3)).contains("0.800", "0.900", "20.0x", "18.0x");
        // columns line up: every row is as wide as the header
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isEqualTo(lines.get(0).length()));
    }

    @Test
    void verdictJudgesTheLauncherConfigurationOnItsMedian() {
        assertThat(StartupBenchmark.verdict("launcher", stats(0.7, 0.95, 3.0), 1.0, ""))
                .contains("PASS", "<= 1.0 s", "median 0.950 s", "best 0.700 s");
        assertThat(StartupBenchmark.passes(stats(0.7, 0.95, 3.0), 1.0)).isTrue();
        assertThat(StartupBenchmark.verdict("launcher", stats(0.7, 1.05, 1.1), 1.0, "")).contains("FAIL", "median 1.050 s", "(launcher)");
        assertThat(StartupBenchmark.passes(stats(0.7, 1.05, 1.1), 1.0)).isFalse();
        assertThat(StartupBenchmark.verdict("daemon", null, 1.0, "no archive")).contains("FAIL", "no archive");
        assertThat(StartupBenchmark.passes(null, 1.0)).isFalse();
    }

    @Test
    void childErrorsAreQuotedShortly() {
        assertThat(StartupBenchmark.firstLines("", 3)).isEmpty();
        assertThat(StartupBenchmark.firstLines("  \n", 3)).isEmpty();
        assertThat(StartupBenchmark.firstLines("one\ntwo\n", 3)).isEqualTo("\n  one\n  two");
        assertThat(StartupBenchmark.firstLines("1\n2\n3\n4\n5\n", 2)).isEqualTo("\n  1\n  2\n  ... 3 more lines");
    }

    @Test
    void theRunUsesASnapshotOfTheRulesAndCatalogs(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path home = tmp.resolve("repo");
        java.nio.file.Files.createDirectories(home.resolve("rules/a"));
        java.nio.file.Files.createDirectories(home.resolve("knowledge-base/cases/big"));
        java.nio.file.Files.writeString(home.resolve("rules/a/x.drl"), "rule x");
        java.nio.file.Files.writeString(home.resolve("knowledge-base/actions.yaml"), "actions: []");
        java.nio.file.Files.writeString(home.resolve("knowledge-base/cases/big/u_ex1.log"), "log");
        java.nio.file.Files.createDirectories(home.resolve("knowledge-base/diagnoses"));
        java.nio.file.Files.writeString(home.resolve("knowledge-base/diagnoses/pool.yaml"), "diagnoses: []");
        Path snap = tmp.resolve("snap");
        StartupBenchmark.snapshotPack(home, snap);
        assertThat(snap.resolve("rules/a/x.drl")).hasContent("rule x");
        assertThat(snap.resolve("knowledge-base/actions.yaml")).hasContent("actions: []");
        assertThat(snap.resolve("knowledge-base/diagnoses/pool.yaml")).hasContent("diagnoses: []");
        assertThat(snap.resolve("knowledge-base/cases")).doesNotExist();
        // an edit after the snapshot does not reach the run
        java.nio.file.Files.writeString(home.resolve("rules/a/x.drl"), "rule y");
        assertThat(snap.resolve("rules/a/x.drl")).hasContent("rule x");
    }

    @Test
    void startupFromAClassesFolderSaysSoAndExitsTwo() {
        assertThat(BenchCommand.runningJar()).as("tests run from a classes folder").isNull();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new BenchCommand());
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("--startup", "--reps", "1");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("not running from a jar", "mvn package");
    }

    @Test
    void phaseLinesAreFiledByPhaseAndRepetitionWallAndCpuApart() {
        java.util.Map<String, long[]> wall = new java.util.LinkedHashMap<>();
        java.util.Map<String, long[]> cpu = new java.util.LinkedHashMap<>();
        StartupBenchmark.collect("noise\nPHASE rule base (x=y)=340\nPHASECPU rule base (x=y)=300\n", 0, 2, wall, cpu);
        StartupBenchmark.collect("PHASE rule base (x=y)=360\nPHASECPU rule base (x=y)=310\n", 1, 2, wall, cpu);
        assertThat(wall).containsOnlyKeys("rule base (x=y)");
        assertThat(wall.get("rule base (x=y)")).containsExactly(340, 360);
        assertThat(cpu.get("rule base (x=y)")).containsExactly(300, 310);
    }
}
