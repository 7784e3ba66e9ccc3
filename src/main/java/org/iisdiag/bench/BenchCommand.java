package org.iisdiag.bench;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code iisdiag bench}: measures log ingest throughput and heap against wc -l and awk; with
 * {@code --startup}, the start-up time of {@code diagnose} as a separate JVM against the JVM floor.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure IIS/HTTPERR log ingest throughput and heap use on generated logs. Generates"
                + " deterministic logs (seed 1) once into the data directory, times wc -l and awk over the same files,"
                + " then runs the ingest in a child JVM with a capped heap, on the full size and on a 1/10 size, and"
                + " checks the targets. Exit code 0 when every target passes.",
                "",
                "With --scale: diagnose end to end on 1 GB and 10 GB against mawk on the same files, one thread"
                + " against all cores, peak RSS, the 1 GB served by a running 'iisdiag daemon' of its own, and the fleet"
                + " job on Spark local[*] when its jar is built.",
                "",
                "With --startup: times 'diagnose CASE' as a separate JVM (java -jar on the running jar) cold, warm"
                + " (primed compiled-rule cache) and warm with an AppCDS archive as the launcher uses, against"
                + " 'java -version', and served by a running 'iisdiag daemon' (its output compared with a one-shot"
                + " run's), with where a warm one-shot start goes phase by phase; exit code 0 when the served diagnose"
                + " takes at most 0.8 s with the same output, 2 when not run from the jar."})
public final class BenchCommand implements Callable<Integer> {
    /** Per-child time limit of the start-up benchmark. */
    static final long STARTUP_TIMEOUT_SECONDS = 120;
    static final double STARTUP_TARGET_SECONDS = 0.8;

    @Spec
    CommandSpec spec;

    @Option(names = "--startup", description = "measure diagnose start-up (cold, warm, warm + AppCDS) instead of ingest")
    boolean startup;

    @Option(names = "--scale", description = "end-to-end diagnose on 1 GB and 10 GB against mawk, 1 thread vs all cores,"
            + " peak RSS, and the fleet job (Spark local[*]) on the same 10 GB")
    boolean scale;

    @Option(names = "--only-1g", description = "with --scale: the 1 GB input only (no 10 GB, no fleet job)")
    boolean only1g;

    @Option(names = "--threads", paramLabel = "N",
            description = "threads that parse logs (default: the cores); with --scale, the all-cores run's count")
    Integer threads;

    @Option(names = "--case", paramLabel = "DIR",
            description = "case folder for --startup (default knowledge-base/cases/classic-asp-errors, a small case, under the installation)")
    Path caseDir;

    @Option(names = "--size", defaultValue = "1G", description = "W3C log size to generate, e.g. 100M, 1G (default ${DEFAULT-VALUE})")
    String size;

    @Option(names = "--data", description = "cache directory for generated logs (default bench-data/ under the current directory)")
    Path data;

    @Option(names = "--generator", description = "gen-iis-logs.py (default ../shared/tools/gen-iis-logs.py from the repo root)")
    Path generator;

    @Option(names = "--reps", defaultValue = "3", description = "repetitions of each measurement (default ${DEFAULT-VALUE})")
    int reps;

    @Option(names = "--xmx", defaultValue = "256m", description = "heap cap of the ingest JVM (default ${DEFAULT-VALUE})")
    String xmx;

    @Option(names = "--target-mbps", defaultValue = "200", description = "throughput target in MB/s (default ${DEFAULT-VALUE})")
    double targetMbps;

    @Override
    public Integer call() throws Exception {
        Path home = Path.of(System.getProperty("iisdiag.home", System.getProperty("user.dir"))).toAbsolutePath();
        if (startup) {
            return startup(home);
        }
        Path cwd = Path.of(System.getProperty("user.dir"));
        Path gen = generator != null ? generator : home.resolve("../shared/tools/gen-iis-logs.py").normalize();
        if (scale) {
            return new ScaleBenchmark(home, gen, data != null ? data : cwd.resolve("bench-data"), reps,
                    threads != null ? threads : Runtime.getRuntime().availableProcessors(), !only1g, !only1g, System.out)
                    .run() ? 0 : 1;
        }
        IngestBenchmark bench = new IngestBenchmark(
                generator != null ? generator : home.resolve("../shared/tools/gen-iis-logs.py").normalize(),
                data != null ? data : cwd.resolve("bench-data"),
                reps, xmx, targetMbps, threads != null ? threads : Runtime.getRuntime().availableProcessors(), System.out);
        return bench.run(IngestBenchmark.parseSize(size)) ? 0 : 1;
    }

    private int startup(Path home) throws Exception {
        Path jar = runningJar();
        if (jar == null) {
            spec.commandLine().getErr().println("iisdiag bench --startup: not running from a jar (code source: "
                    + codeSource() + "); build it with 'mvn package' and run 'java -jar target/iisdiag.jar bench --startup'");
            spec.commandLine().getErr().flush();
            return 2;
        }
        Path dir = (caseDir != null ? caseDir : home.resolve("knowledge-base/cases/classic-asp-errors")).toAbsolutePath();
        if (!java.nio.file.Files.isDirectory(dir)) {
            spec.commandLine().getErr().println("iisdiag bench --startup: case folder not found: " + dir);
            spec.commandLine().getErr().flush();
            return 2;
        }
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        StartupBenchmark bench = new StartupBenchmark(javaBin, jar, home, dir, reps, STARTUP_TIMEOUT_SECONDS,
                STARTUP_TARGET_SECONDS, System.out);
        try {
            return bench.run() ? 0 : 1;
        } catch (java.io.IOException e) {
            spec.commandLine().getErr().println("iisdiag bench --startup: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        }
    }

    /** The jar this class was loaded from, or null when running from a classes folder. */
    static Path runningJar() {
        try {
            var source = BenchCommand.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return null;
            }
            Path p = Path.of(source.getLocation().toURI());
            return java.nio.file.Files.isRegularFile(p) && p.getFileName().toString().endsWith(".jar") ? p : null;
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static String codeSource() {
        var source = BenchCommand.class.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? "unknown" : source.getLocation().toString();
    }
}
