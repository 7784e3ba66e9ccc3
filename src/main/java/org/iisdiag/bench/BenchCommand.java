package org.iisdiag.bench;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iisdiag bench}: measures log ingest throughput and heap against wc -l and awk. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure IIS/HTTPERR log ingest throughput and heap use on generated logs.",
                "Generates deterministic logs (seed 1) once into the data directory, times wc -l and awk over",
                "the same files, then runs the ingest in a child JVM with a capped heap, on the full size and",
                "on a 1/10 size, and checks the targets. Exit code 0 when every target passes."})
public final class BenchCommand implements Callable<Integer> {

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
        Path home = Path.of(System.getProperty("iisdiag.home", System.getProperty("user.dir")));
        Path cwd = Path.of(System.getProperty("user.dir"));
        IngestBenchmark bench = new IngestBenchmark(
                generator != null ? generator : home.resolve("../shared/tools/gen-iis-logs.py").normalize(),
                data != null ? data : cwd.resolve("bench-data"),
                reps, xmx, targetMbps, System.out);
        return bench.run(IngestBenchmark.parseSize(size)) ? 0 : 1;
    }
}
