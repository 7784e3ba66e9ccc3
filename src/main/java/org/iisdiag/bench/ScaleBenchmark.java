package org.iisdiag.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * End-to-end scale benchmark: {@code diagnose --format json} as a user runs it (the launcher, a fresh
 * JVM each time) on 1 GB (one file) and 10 GB (ten 1 GB files in ten site folders) of generated logs,
 * with one thread and with all cores, against mawk counting status/substatus over the same files in
 * the same run; peak RSS of each process (GNU time); whether the two thread counts give byte-identical
 * reports; and the fleet job (Spark, local[*]) against the single-machine run on the same 10 GB,
 * checking that its aggregate diagnoses the same. Ratios are against the baselines of this run only.
 */
final class ScaleBenchmark {
    private static final double MIB = 1024.0 * 1024.0;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path home;
    private final Path generator;
    private final Path dataDir;
    private final int reps;
    private final int threads;
    private final boolean tenGb;
    private final boolean fleet;
    private final PrintStream out;
    private final Path work;

    ScaleBenchmark(Path home, Path generator, Path dataDir, int reps, int threads, boolean tenGb, boolean fleet,
                   PrintStream out) throws IOException {
        this.home = home;
        this.generator = generator;
        this.dataDir = dataDir;
        this.reps = Math.max(1, reps);
        this.threads = threads;
        this.tenGb = tenGb;
        this.fleet = fleet;
        this.out = out;
        this.work = Files.createDirectories(dataDir.resolve("scale-out"));
    }

    /** One measured process: best wall time over the repetitions and the largest peak RSS. */
    record Run(double seconds, long rssKb) {
        String rss() {
            return rssKb < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", rssKb / 1024.0);
        }
    }

    boolean run() throws IOException, InterruptedException {
        Path tenDir = dataset();
        Path oneDir = dataDir.resolve("scale-1g");
        if (!Files.isDirectory(oneDir.resolve("W3SVC1"))) {
            Files.createDirectories(oneDir.resolve("W3SVC1"));
            Path log = logs(tenDir.resolve("W3SVC1")).get(0);
            Files.createLink(oneDir.resolve("W3SVC1").resolve(log.getFileName()), log);
        }
        boolean hasTime = Files.isExecutable(Path.of("/usr/bin/time"));
        out.printf(Locale.ROOT, "iisdiag scale benchmark: %d cores, all-cores run with --threads %d, best of %d; baseline"
                + " mawk '{c[$12\" \"$13]++}' (status/substatus) over the same files in this run; RSS from %s%n%n",
                Runtime.getRuntime().availableProcessors(), threads, reps, hasTime ? "GNU time" : "(GNU time missing: n/a)");
        exec(List.of(home.resolve("iisdiag").toString(), "diagnose", home.resolve("knowledge-base/cases/classic-asp-errors")
                .toString(), "--format", "json", "-o", work.resolve("warmup.json").toString())); // build, CDS archive, rule cache

        out.printf(Locale.ROOT, "%-7s %5s %15s %8s %9s %9s %9s %9s %14s %9s%n", "input", "files", "bytes", "mawk s",
                "t=1 s", "t=" + threads + " s", "t=1/mawk", "t=" + threads + "/mawk", "RSS MiB 1/" + threads, "same out");
        boolean pass = true;
        Run single10 = null;
        for (Path dir : tenGb ? List.of(oneDir, tenDir) : List.of(oneDir)) {
            List<Path> files = new ArrayList<>();
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
            long bytes = 0;
            for (Path f : files) {
                bytes += Files.size(f);
            }
            List<String> mawk = new ArrayList<>(List.of("mawk", "{c[$12\" \"$13]++} END{for (k in c) print k, c[k]}"));
            files.forEach(f -> mawk.add(f.toString()));
            Run base = best(mawk, null);
            Path outOne = work.resolve(dir.getFileName() + "-t1.json");
            Path outAll = work.resolve(dir.getFileName() + "-t" + threads + ".json");
            Run one = best(diagnose(dir, 1, outOne), null);
            Run all = best(diagnose(dir, threads, outAll), null);
            boolean same = Arrays.equals(Files.readAllBytes(outOne), Files.readAllBytes(outAll));
            double ratio = all.seconds() / base.seconds();
            double target = dir == oneDir ? 0.7 : 0.6;
            boolean ok = ratio <= target && same && (all.rssKb() < 0 || all.rssKb() <= 256 * 1024)
                    && (one.rssKb() < 0 || one.rssKb() <= 256 * 1024);
            out.printf(Locale.ROOT, "%-7s %5d %,15d %8.2f %9.2f %9.2f %9.2f %9.2f %14s %9s  %s (target <= %.1f x mawk,"
                            + " RSS <= 256 MiB)%n", dir == oneDir ? "1 GB" : "10 GB", files.size(), bytes, base.seconds(),
                    one.seconds(), all.seconds(), one.seconds() / base.seconds(), ratio, one.rss() + "/" + all.rss(),
                    same ? "yes" : "NO", ok ? "PASS" : "FAIL", target);
            // the same diagnose served by a running daemon (iisdiag daemon start): either way of running may meet it
            pass &= ok | served(dir, base.seconds(), target, outAll);
            if (dir == tenDir) {
                single10 = all;
            }
        }
        if (fleet && single10 != null) {
            pass &= fleet(tenDir, single10);
        }
        return pass;
    }

    /**
     * The all-cores diagnose of {@code dir} served by a daemon of its own (its own cache folder, so that a daemon
     * the user runs is neither used nor stopped), started and warmed up before the timing; prints its row and
     * whether it meets the target. The peak RSS is the daemon's (VmHWM, Linux), over its whole life.
     */
    private boolean served(Path dir, double mawkSeconds, double target, Path oneShotReport)
            throws IOException, InterruptedException {
        Map<String, String> env = Map.of("IISDIAG_CACHE_DIR", work.resolve("daemon-cache").toString());
        String iisdiag = home.resolve("iisdiag").toString();
        String status = capture(List.of(iisdiag, "daemon", "start", "--idle-timeout", "10"), env);
        try {
            Path report = work.resolve(dir.getFileName() + "-served.json");
            Run r = best(diagnose(dir, threads, report), null, env);
            boolean same = Arrays.equals(Files.readAllBytes(report), Files.readAllBytes(oneShotReport));
            long rssKb = peakRssKb(status);
            double ratio = r.seconds() / mawkSeconds;
            boolean ok = ratio <= target && same && (rssKb < 0 || rssKb <= 256 * 1024);
            out.printf(Locale.ROOT, "%-7s served by a running 'iisdiag daemon', t=%d: %.2f s, %.2f x mawk, daemon peak RSS %s"
                            + " MiB, same out %s  %s (target <= %.1f x mawk, RSS <= 256 MiB)%n", "", threads, r.seconds(), ratio,
                    rssKb < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", rssKb / 1024.0), same ? "yes" : "NO",
                    ok ? "PASS" : "FAIL", target);
            return ok;
        } finally {
            capture(List.of(iisdiag, "daemon", "stop"), env);
        }
    }

    /** The peak resident set of the process whose pid a daemon status line names (-1 where /proc has none). */
    static long peakRssKb(String status) throws IOException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("pid (\\d+)").matcher(status);
        if (!m.find()) {
            return -1;
        }
        Path proc = Path.of("/proc", m.group(1), "status");
        if (!Files.isReadable(proc)) {
            return -1;
        }
        for (String line : Files.readAllLines(proc, StandardCharsets.UTF_8)) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static String capture(List<String> cmd, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + text);
        }
        return text;
    }

    /** The fleet job on local[*] over the 10 GB, its aggregate diagnosed, against the single-machine run. */
    private boolean fleet(Path tenDir, Run single) throws IOException, InterruptedException {
        Path jar = home.resolve("target-fleet/iisdiag-fleet.jar");
        Path cp = home.resolve("target-fleet/classpath.txt");
        if (!Files.isRegularFile(jar) || !Files.isRegularFile(cp)) {
            out.printf("%nfleet: skipped, build it first: mvn -Pfleet package dependency:build-classpath"
                    + " -Dmdep.outputFile=target-fleet/classpath.txt -Dmdep.includeScope=compile%n");
            return true;
        }
        Path aggCase = Files.createDirectories(work.resolve("fleet-case"));
        Path agg = aggCase.resolve("fleet.iisdiag.json");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g"));
        cmd.addAll(SparkJvm.OPTIONS);
        cmd.addAll(List.of("-Dspark.master=local[*]", "-Dspark.ui.enabled=false", "-Dspark.driver.host=127.0.0.1",
                "-Dspark.driver.bindAddress=127.0.0.1", "-cp",
                jar + java.io.File.pathSeparator + Files.readString(cp).trim(), "org.iisdiag.fleet.FleetJob",
                agg.toUri().toString(), tenDir.toUri().toString()));
        Run job = best(cmd, "127.0.0.1");
        Path fromAgg = work.resolve("fleet-diagnosis.json");
        Run diag = best(List.of(home.resolve("iisdiag").toString(), "diagnose", aggCase.toString(), "--format", "json",
                "-o", fromAgg.toString()), null);
        boolean same = diagnosis(fromAgg).equals(diagnosis(work.resolve(tenDir.getFileName() + "-t" + threads + ".json")));
        out.printf(Locale.ROOT, "%nfleet job, Spark local[*], same 10 GB: %.2f s (peak RSS %s MiB), then diagnose of its"
                        + " aggregate %.2f s; single machine --threads %d: %.2f s; fleet/single %.2f; same findings, actions and"
                        + " summary counts: %s%n", job.seconds(), job.rss(), diag.seconds(), threads, single.seconds(),
                job.seconds() / single.seconds(), same ? "yes" : "NO");
        return same;
    }

    /** A JSON report without what depends on the files rather than their content (inputs, names, counts of files). */
    private static JsonNode diagnosis(Path report) throws IOException {
        ObjectNode n = (ObjectNode) JSON.readTree(report.toFile());
        n.remove("inputs");
        ObjectNode summary = (ObjectNode) n.get("summary");
        for (String k : List.of("caseFolder", "filesRead", "filesNotUsed", "filesFailed", "linesRead")) {
            summary.remove(k);
        }
        return n;
    }

    private List<String> diagnose(Path dir, int t, Path outFile) {
        return List.of(home.resolve("iisdiag").toString(), "diagnose", dir.toString(), "--format", "json", "--threads",
                String.valueOf(t), "-o", outFile.toString());
    }

    private Run best(List<String> cmd, String sparkLocalIp) throws IOException, InterruptedException {
        return best(cmd, sparkLocalIp, ONE_SHOT);
    }

    /** A run in its own process: no daemon the user may have started serves it. */
    private static final Map<String, String> ONE_SHOT = Map.of(org.iisdiag.daemon.DaemonClient.OFF_VARIABLE, "1");

    private Run best(List<String> cmd, String sparkLocalIp, Map<String, String> env) throws IOException, InterruptedException {
        double bestSeconds = Double.MAX_VALUE;
        long rss = -1;
        for (int i = 0; i < reps; i++) {
            Run r = measure(cmd, sparkLocalIp, env);
            bestSeconds = Math.min(bestSeconds, r.seconds());
            rss = Math.max(rss, r.rssKb());
        }
        return new Run(bestSeconds, rss);
    }

    private static Run measure(List<String> cmd, String sparkLocalIp, Map<String, String> env)
            throws IOException, InterruptedException {
        Path timeFile = Files.createTempFile("iisdiag-time", ".txt");
        List<String> full = new ArrayList<>();
        boolean gnuTime = Files.isExecutable(Path.of("/usr/bin/time"));
        if (gnuTime) {
            full.addAll(List.of("/usr/bin/time", "-o", timeFile.toString(), "-f", "%M"));
        }
        full.addAll(cmd);
        ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        if (sparkLocalIp != null) {
            pb.environment().put("SPARK_LOCAL_IP", sparkLocalIp);
        }
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        int rc = pb.start().waitFor();
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (rc != 0) {
            throw new IOException(String.join(" ", cmd.subList(0, Math.min(3, cmd.size()))) + " ... failed with exit code " + rc);
        }
        long rss = -1;
        if (gnuTime) {
            List<String> lines = Files.readAllLines(timeFile, StandardCharsets.UTF_8);
            rss = Long.parseLong(lines.get(lines.size() - 1).trim());
        }
        Files.deleteIfExists(timeFile);
        return new Run(seconds, rss);
    }

    private static void exec(List<String> cmd) throws IOException, InterruptedException {
        measure(cmd, null, ONE_SHOT);
    }

    /** Ten 1 GB logs (seeds 1-10, one day each) in W3SVC1..W3SVC10, generated once. */
    private Path dataset() throws IOException, InterruptedException {
        Path dir = dataDir.resolve("scale-10g");
        int sites = tenGb ? 10 : 1;
        for (int i = 1; i <= sites; i++) {
            Path site = dir.resolve("W3SVC" + i);
            if (Files.isDirectory(site)) {
                continue;
            }
            Path tmp = dir.resolve("W3SVC" + i + ".tmp");
            out.printf(Locale.ROOT, "generating 1 GB of logs into %s ...%n", site);
            int rc = new ProcessBuilder("python3", generator.toString(), "--seed", String.valueOf(i), "--target-bytes", "1G",
                    "--files", "1", "--no-httperr", "--out", tmp.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            if (rc != 0) {
                throw new IOException("generator " + generator + " failed with exit code " + rc);
            }
            Files.delete(tmp.resolve("manifest.json"));
            Files.move(tmp, site);
        }
        return dir;
    }

    private static List<Path> logs(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(IngestBenchmark::isIisLog).sorted().toList();
        }
    }
}
