package org.iisdiag.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.iisdiag.evidence.ReadReport;
import org.iisdiag.evidence.httperr.HttpErrAggregator;
import org.iisdiag.evidence.httperr.HttpErrReader;
import org.iisdiag.evidence.w3c.IisLogAggregator;
import org.iisdiag.evidence.w3c.IisLogReader;
import org.iisdiag.evidence.w3c.LogIngest;
import org.iisdiag.evidence.w3c.LogLayouts;
import org.iisdiag.evidence.w3c.LogSource;
import org.iisdiag.facts.EvidenceKind;

import picocli.CommandLine;

/**
 * Ingest benchmark: deterministic generated logs, {@code wc -l} and {@code awk} baselines over the same
 * files, and the iisdiag ingest in a child JVM so that its heap cap is real and its memory figures are
 * not polluted by the benchmark driver. Run on the full size and on a 1/10 size to show that memory
 * does not grow with input size.
 */
public final class IngestBenchmark {
    static final int SEED = 1;
    private static final double MB = 1_000_000.0;

    private final Path generator;
    private final Path dataDir;
    private final int reps;
    private final String xmx;
    private final double targetMbps;
    private final PrintStream out;
    private final int threads;

    IngestBenchmark(Path generator, Path dataDir, int reps, String xmx, double targetMbps, int threads, PrintStream out) {
        this.threads = threads;
        this.generator = generator;
        this.dataDir = dataDir;
        this.reps = Math.max(1, reps);
        this.xmx = xmx;
        this.targetMbps = targetMbps;
        this.out = out;
    }

    /** Standalone entry point (the main CLI registers {@link BenchCommand} as a subcommand). */
    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }

    static long parseSize(String s) {
        String t = s.trim().toUpperCase(Locale.ROOT);
        long mult = 1;
        for (String[] suf : new String[][] {{"KB", "1024"}, {"MB", "1048576"}, {"GB", "1073741824"},
                {"K", "1024"}, {"M", "1048576"}, {"G", "1073741824"}, {"B", "1"}}) {
            if (t.endsWith(suf[0])) {
                mult = Long.parseLong(suf[1]);
                t = t.substring(0, t.length() - suf[0].length());
                break;
            }
        }
        return (long) (Double.parseDouble(t) * mult);
    }

    /** Runs everything and prints the table; true when all targets pass. */
    boolean run(long size) throws IOException, InterruptedException {
        List<Path> full = dataset(size);
        List<Path> tenth = dataset(size / 10);
        long bytes = totalBytes(full);

        out.printf(Locale.ROOT, "iisdiag ingest benchmark: seed %d, %d cores, ingest JVM -Xmx%s on %d threads, %d repetitions%n",
                SEED, Runtime.getRuntime().availableProcessors(), xmx, threads, reps);
        out.printf(Locale.ROOT, "input: %,d bytes in %d files (%s)%n%n", bytes, full.size(), full.get(0).getParent());

        Timing wc = baseline(command(List.of("wc", "-l"), full), bytes);
        Timing awk = baseline(command(List.of("awk", "{c[$12]++} END{for (k in c) print k, c[k]}"), full), bytes);
        List<ChildResult> runs = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
            runs.add(child(full));
        }
        List<ChildResult> tenthRuns = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
            tenthRuns.add(child(tenth));
        }
        Timing ingest = new Timing(runs.stream().mapToLong(ChildResult::nanos).toArray(), bytes);
        Timing ingestJvm = new Timing(runs.stream().mapToLong(ChildResult::processNanos).toArray(), bytes);

        out.printf(Locale.ROOT, "%-22s %9s %9s %10s %10s %9s%n", "", "best s", "median s", "MB/s best", "MB/s med", "vs best");
        row("wc -l", wc, wc, awk);
        row("awk status count", awk, wc, awk);
        row("iisdiag ingest", ingest, wc, awk);
        row("  incl. JVM start", ingestJvm, wc, awk);
        ChildResult r = runs.get(0);
        out.printf(Locale.ROOT, "%niisdiag read %,d lines, %,d entries, %,d rejected; %d status keys, %d HTTPERR keys%n",
                r.lines(), r.entries(), r.rejected(), r.iisKeys(), r.httpErrKeys());
        out.printf(Locale.ROOT, "ingest vs wc -l: %.2fx (best) %.2fx (median); vs awk: %.2fx (best) %.2fx (median)%n",
                ingest.bestMbps() / wc.bestMbps(), ingest.medianMbps() / wc.medianMbps(),
                ingest.bestMbps() / awk.bestMbps(), ingest.medianMbps() / awk.medianMbps());

        out.printf(Locale.ROOT, "%nmemory (child JVM, max over repetitions)%n");
        out.printf(Locale.ROOT, "%-8s %14s %10s %22s %18s %6s %15s%n", "input", "bytes", "MB/s best", "peak heap MiB (pools)",
                "retained MiB (GC)", "GCs", "allocated MiB");
        long tenthBytes = totalBytes(tenth);
        memRow("1/10", tenthBytes, tenthRuns);
        memRow("full", bytes, runs);

        long peak = runs.stream().mapToLong(ChildResult::peakHeap).max().orElse(0);
        long cap = parseSize(xmx);
        boolean fast = ingest.bestMbps() >= targetMbps;
        boolean small = peak <= cap;
        out.printf(Locale.ROOT, "%ntarget throughput >= %.0f MB/s: %s (best %.1f, median %.1f MB/s)%n", targetMbps,
                fast ? "PASS" : "FAIL", ingest.bestMbps(), ingest.medianMbps());
        out.printf(Locale.ROOT, "target peak heap <= %s: %s (%.1f MiB)%n", xmx, small ? "PASS" : "FAIL", peak / 1048576.0);
        out.println("(MB = 10^6 bytes; wc/awk times include their process start; \"iisdiag ingest\" is timed inside the"
                + " child JVM, \"incl. JVM start\" around the whole child process; files are in the page cache)");
        return fast && small;
    }

    private void row(String name, Timing t, Timing wc, Timing awk) {
        out.printf(Locale.ROOT, "%-22s %9.3f %9.3f %10.1f %10.1f %8.2fx wc, %.2fx awk%n", name, t.best() / 1e9,
                t.median() / 1e9, t.bestMbps(), t.medianMbps(), t.bestMbps() / wc.bestMbps(), t.bestMbps() / awk.bestMbps());
    }

    private void memRow(String name, long bytes, List<ChildResult> rs) {
        long best = rs.stream().mapToLong(ChildResult::nanos).min().orElse(1);
        out.printf(Locale.ROOT, "%-8s %,14d %10.1f %22.1f %18.1f %6d %15.1f%n", name, bytes, bytes / MB / (best / 1e9),
                rs.stream().mapToLong(ChildResult::peakHeap).max().orElse(0) / 1048576.0,
                rs.stream().mapToLong(ChildResult::retained).max().orElse(0) / 1048576.0,
                rs.stream().mapToLong(ChildResult::gcCount).max().orElse(0),
                rs.stream().mapToLong(ChildResult::allocated).max().orElse(0) / 1048576.0);
    }

    /** The generated log files for a size, generating them once into the cache directory. */
    private List<Path> dataset(long bytes) throws IOException, InterruptedException {
        Path dir = dataDir.resolve("seed" + SEED + "-" + bytes);
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dataDir);
            Path tmp = dataDir.resolve(dir.getFileName() + ".tmp");
            out.printf(Locale.ROOT, "generating %,d bytes of logs into %s ...%n", bytes, dir);
            ProcessBuilder pb = new ProcessBuilder("python3", generator.toString(), "--seed", String.valueOf(SEED),
                    "--target-bytes", String.valueOf(bytes), "--files", "1", "--out", tmp.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            int rc = pb.start().waitFor();
            if (rc != 0) {
                throw new IOException("generator " + generator + " failed with exit code " + rc);
            }
            Files.move(tmp, dir);
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(p -> isIisLog(p) || isHttpErr(p)).sorted().toList();
            if (files.isEmpty()) {
                throw new IOException("no u_ex*.log or httperr*.log in " + dir);
            }
            return files;
        }
    }

    static boolean isIisLog(Path p) {
        String n = p.getFileName().toString();
        return n.startsWith("u_ex") && n.endsWith(".log");
    }

    static boolean isHttpErr(Path p) {
        String n = p.getFileName().toString();
        return n.startsWith("httperr") && n.endsWith(".log");
    }

    private static long totalBytes(List<Path> files) throws IOException {
        long t = 0;
        for (Path p : files) {
            t += Files.size(p);
        }
        return t;
    }

    private static List<String> command(List<String> cmd, List<Path> files) {
        List<String> all = new ArrayList<>(cmd);
        files.forEach(f -> all.add(f.toString()));
        return all;
    }

    private Timing baseline(List<String> cmd, long bytes) throws IOException, InterruptedException {
        long[] nanos = new long[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            int rc = p.waitFor();
            nanos[i] = System.nanoTime() - t0;
            if (rc != 0) {
                throw new IOException(cmd.get(0) + " failed with exit code " + rc);
            }
        }
        return new Timing(nanos, bytes);
    }

    private ChildResult child(List<Path> files) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + xmx, "-Diisdiag.threads=" + threads, "-cp", System.getProperty("java.class.path"),
                Child.class.getName()));
        files.forEach(f -> cmd.add(f.toString()));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        long wall = System.nanoTime() - t0;
        String line = output.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new IOException("ingest child failed (exit " + rc + "):\n" + output));
        return ChildResult.parse(line, wall);
    }

    /** Wall times of repetitions over {@code bytes}. */
    record Timing(long[] nanos, long bytes) {
        long best() {
            return Arrays.stream(nanos).min().orElseThrow();
        }

        long median() {
            long[] s = nanos.clone();
            Arrays.sort(s);
            return s[s.length / 2];
        }

        double bestMbps() {
            return bytes / MB / (best() / 1e9);
        }

        double medianMbps() {
            return bytes / MB / (median() / 1e9);
        }
    }

    record ChildResult(long bytes, long lines, long entries, long rejected, long nanos, long peakHeap, long retained,
                       long gcCount, long iisKeys, long httpErrKeys, long allocated, long processNanos) {
        static ChildResult parse(String line, long processNanos) {
            Map<String, Long> v = new HashMap<>();
            for (String kv : line.substring("RESULT ".length()).trim().split(" ")) {
                int eq = kv.indexOf('=');
                v.put(kv.substring(0, eq), Long.parseLong(kv.substring(eq + 1)));
            }
            return new ChildResult(v.get("bytes"), v.get("lines"), v.get("entries"), v.get("rejected"), v.get("nanos"),
                    v.get("peakHeap"), v.get("retained"), v.get("gcCount"), v.get("iisKeys"), v.get("httpErrKeys"),
                    v.get("allocated"), processNanos);
        }
    }

    /** Bytes allocated so far by all live threads. */
    static long allocated(com.sun.management.ThreadMXBean threads) {
        return Arrays.stream(threads.getThreadAllocatedBytes(threads.getAllThreadIds())).filter(b -> b > 0).sum();
    }

    /**
     * The measured side, run in its own JVM: ingests the files given as arguments (u_ex*.log with the
     * IIS reader, httperr*.log with the HTTPERR reader) and prints one RESULT line.
     */
    public static final class Child {
        public static void main(String[] args) throws IOException {
            IisLogAggregator iis = new IisLogAggregator();
            HttpErrAggregator httpErr = new HttpErrAggregator();
            long bytes = 0, lines = 0, entries = 0, rejected = 0;
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long alloc0 = allocated(threads);
            long allocated;
            long t0 = System.nanoTime();
            List<ReadReport> reports = new ArrayList<>();
            try (LogIngest ingest = new LogIngest(Integer.getInteger("iisdiag.threads", 1), LogLayouts.builtIn())) {
                for (String a : args) {
                    Path p = Path.of(a);
                    boolean w3c = isIisLog(p);
                    ReadReport report = new ReadReport(p.getFileName().toString(),
                            w3c ? EvidenceKind.IIS_W3C_LOG : EvidenceKind.HTTPERR_LOG);
                    reports.add(report);
                    try (InputStream in = Files.newInputStream(p)) {
                        if (w3c) {
                            ingest.read(IisLogReader.FORMAT, iis, new LogSource(report.file(), "W3SVC1", ""), in, report, e -> {
                            });
                        } else {
                            ingest.read(HttpErrReader.FORMAT, httpErr, new LogSource(report.file(), "", ""), in, report, e -> {
                            });
                        }
                    }
                }
                ingest.finish();
                allocated = allocated(threads) - alloc0; // while the workers are alive to be asked
            }
            for (ReadReport report : reports) {
                bytes += report.bytes();
                lines += report.lines();
                entries += report.entries();
                rejected += report.rejected();
            }
            // the facts are part of the work: build them before stopping the clock
            int iisKeys = iis.statusCounts().size();
            int facts = iis.timeTaken().size() + iis.timeline().buckets().size() + httpErr.timeline().buckets().size()
                    + (iis.window().isPresent() ? 1 : 0);
            int httpErrKeys = httpErr.counts().size();
            long nanos = System.nanoTime() - t0;
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            long gcs = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                gcs += Math.max(0, gc.getCollectionCount());
            }
            System.gc();
            long retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.printf(Locale.ROOT,
                    "RESULT bytes=%d lines=%d entries=%d rejected=%d nanos=%d peakHeap=%d retained=%d gcCount=%d iisKeys=%d httpErrKeys=%d"
                            + " allocated=%d%n",
                    bytes, lines, entries, rejected, nanos, peak, retained, gcs, iisKeys,
                    httpErrKeys, allocated);
            System.out.printf(Locale.ROOT, "(%d more facts: time-taken summaries, timeline buckets, window)%n", facts);
        }
    }
}
