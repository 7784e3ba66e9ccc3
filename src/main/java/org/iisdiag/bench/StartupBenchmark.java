package org.iisdiag.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Start-up benchmark: the wall time of {@code iisdiag diagnose CASE} as a separate JVM, the way a user
 * runs it, in the configurations that matter: cold (empty compiled-rule cache, no class-data sharing),
 * warm (primed cache), warm with the dynamic AppCDS archive the {@code ./iisdiag} launcher creates and
 * uses, and {@code java -version} as the floor any JVM start pays. Each is repeated; best and median
 * are reported, with ratios to the floor, and the warm + CDS median is checked against the target.
 */
public final class StartupBenchmark {
    /** Flags that silence CDS logging, as in the launcher. */
    static final List<String> CDS_QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    /** Environment variables that would change what a child JVM does; removed for a reproducible run. */
    static final List<String> SCRUBBED_ENV = List.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS");

    private final Path java;
    private final Path jar;
    private final Path home;
    private final Path caseDir;
    private final int reps;
    private final long timeoutSeconds;
    private final double targetSeconds;
    private final PrintStream out;

    StartupBenchmark(Path java, Path jar, Path home, Path caseDir, int reps, long timeoutSeconds, double targetSeconds,
                     PrintStream out) {
        this.java = java;
        this.jar = jar;
        this.home = home;
        this.caseDir = caseDir;
        this.reps = Math.max(1, reps);
        this.timeoutSeconds = timeoutSeconds;
        this.targetSeconds = targetSeconds;
        this.out = out;
    }

    // ---- pure parts (tested without spawning JVMs) ----

    /** {@code java OPTS -Diisdiag.home=HOME -jar JAR diagnose CASE}. */
    static List<String> diagnoseCommand(Path java, List<String> jvmOptions, Path home, Path jar, Path caseDir) {
        return jarCommand(java, jvmOptions, home, jar, "diagnose", caseDir.toString());
    }

    /** {@code java OPTS -Diisdiag.home=HOME -jar JAR ARGS}. */
    static List<String> jarCommand(Path java, List<String> jvmOptions, Path home, Path jar, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(jvmOptions);
        cmd.add("-Diisdiag.home=" + home);
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** JVM options of a configuration: cold = no class-data sharing at all. */
    static List<String> coldOptions() {
        return List.of("-Xshare:off");
    }

    /** Options that record the loaded classes into a dynamic archive when the JVM exits (the launcher's first run). */
    static List<String> dumpOptions(Path jsa) {
        List<String> o = new ArrayList<>(org.iisdiag.cli.LauncherJvmOptions.forThisMachine());
        o.add("-XX:ArchiveClassesAtExit=" + jsa);
        o.addAll(CDS_QUIET);
        return o;
    }

    /** Options that map the archive (the launcher's later runs). */
    static List<String> useOptions(Path jsa) {
        List<String> o = new ArrayList<>(org.iisdiag.cli.LauncherJvmOptions.forThisMachine());
        o.add("-XX:SharedArchiveFile=" + jsa);
        o.addAll(CDS_QUIET);
        return o;
    }

    /** Wall times of the repetitions of one configuration. */
    record Stats(long[] nanos) {
        Stats {
            if (nanos.length == 0) {
                throw new IllegalArgumentException("no repetitions");
            }
            nanos = nanos.clone();
        }

        double bestSeconds() {
            return Arrays.stream(nanos).min().orElseThrow() / 1e9;
        }

        /** The median (the mean of the two middle values for an even count). */
        double medianSeconds() {
            long[] s = nanos.clone();
            Arrays.sort(s);
            int n = s.length;
            return (n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0) / 1e9;
        }
    }

    /** One row of the table. */
    record Row(String name, Stats stats) {
    }

    /** The table: best and median seconds of each row and their ratio to the floor's. */
    static String table(List<Row> rows, Stats floor) {
        StringBuilder b = new StringBuilder();
        int width = Math.max(24, rows.stream().mapToInt(r -> r.name().length()).max().orElse(0) + 2);
        b.append(String.format(Locale.ROOT, "%-" + width + "s %5s %9s %9s %11s %11s%n", "", "reps", "best s", "median s",
                "best/floor", "median/floor"));
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "%-" + width + "s %5d %9.3f %9.3f %10.1fx %11.1fx%n", r.name(),
                    r.stats().nanos().length, r.stats().bestSeconds(), r.stats().medianSeconds(),
                    r.stats().bestSeconds() / floor.bestSeconds(), r.stats().medianSeconds() / floor.medianSeconds()));
        }
        return b.toString();
    }

    /**
     * The PASS/FAIL line for the warm target in one way of running, judged on the median (null stats: that way
     * could not run, {@code why} says why).
     */
    static String verdict(String way, Stats warm, double targetSeconds, String why) {
        if (warm == null) {
            return String.format(Locale.ROOT, "target warm diagnose <= %.1f s wall (%s): FAIL (%s)", targetSeconds, way, why);
        }
        boolean pass = warm.medianSeconds() <= targetSeconds;
        return String.format(Locale.ROOT, "target warm diagnose <= %.1f s wall (%s): %s (median %.3f s, best %.3f s)",
                targetSeconds, way, pass ? "PASS" : "FAIL", warm.medianSeconds(), warm.bestSeconds());
    }

    static boolean passes(Stats warmCds, double targetSeconds) {
        return warmCds != null && warmCds.medianSeconds() <= targetSeconds;
    }

    // ---- the measurement ----

    /** Runs every configuration and prints the table; true when the target passes. */
    boolean run() throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("iisdiag-startup-");
        try {
            out.printf(Locale.ROOT, "iisdiag start-up benchmark: %d repetitions per configuration, %d cores, %s%n", reps,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " "
                            + System.getProperty("java.runtime.version"));
            Path home = work.resolve("home");
            snapshotPack(this.home, home);
            out.printf(Locale.ROOT, "jar:  %s%ncase: %s%npack: %s/{rules,knowledge-base} (copied to a temporary folder for the run)%n%n",
                    jar, caseDir, this.home);

            Path primed = Files.createDirectories(work.resolve("cache-primed"));
            // unmeasured: fills the compiled-rule cache and brings the jar and the case into the page cache
            time(diagnoseCommand(java, List.of(), home, jar, caseDir), primed, "priming run");
            if (!hasEntry(primed)) {
                out.println("note: the priming run wrote no compiled-rule cache entry; 'warm' runs compile too");
            }

            Stats floor = repeat(() -> time(List.of(java.toString(), "-version"), null, "java -version"));
            Stats cold = repeat(() -> time(diagnoseCommand(java, coldOptions(), home, jar, caseDir),
                    Files.createTempDirectory(work, "cache-cold-"), "cold diagnose"));
            Stats warm = repeat(() -> time(diagnoseCommand(java, List.of(), home, jar, caseDir), primed, "warm diagnose"));
            Stats warmOptions = repeat(() -> time(diagnoseCommand(java, org.iisdiag.cli.LauncherJvmOptions.forThisMachine(), home,
                    jar, caseDir), primed, "warm diagnose, launcher options"));

            Path jsa = work.resolve("iisdiag.jsa");
            // recorded as ./iisdiag records it: a warm run over all the bundled cases read as one
            time(diagnoseCommand(java, dumpOptions(jsa), home, jar, this.home.resolve("knowledge-base/cases")), primed,
                    "AppCDS archive dump");
            Stats cds = null;
            String why = "";
            if (Files.isRegularFile(jsa) && Files.size(jsa) > 0) {
                cds = repeat(() -> time(diagnoseCommand(java, useOptions(jsa), home, jar, caseDir), primed,
                        "warm diagnose + AppCDS"));
            } else {
                why = "the JVM did not create the AppCDS archive " + jsa;
            }

            Stats served = null;
            String servedWhy = "no AppCDS archive";
            String sameOutput = "";
            if (cds != null) {
                // a daemon for this pack and cache, as 'iisdiag daemon start' starts one; the client is the launcher's JVM
                time(jarCommand(java, useOptions(jsa), home, jar, "daemon", "start", "--idle-timeout", "10"), primed,
                        "daemon start", true);
                try {
                    served = repeat(() -> time(diagnoseCommand(java, useOptions(jsa), home, jar, caseDir), primed,
                            "diagnose served by the daemon", true));
                    boolean same = Arrays.equals(output(diagnoseCommand(java, useOptions(jsa), home, jar, caseDir), primed, true),
                            output(diagnoseCommand(java, useOptions(jsa), home, jar, caseDir), primed, false));
                    sameOutput = same ? "same output as a one-shot run: yes" : "same output as a one-shot run: NO";
                } finally {
                    time(jarCommand(java, useOptions(jsa), home, jar, "daemon", "stop"), primed, "daemon stop", true);
                }
            }

            List<Row> rows = new ArrayList<>();
            rows.add(new Row("java -version (floor)", floor));
            rows.add(new Row("cold: empty cache, -Xshare:off", cold));
            rows.add(new Row("warm: primed cache", warm));
            rows.add(new Row("warm + launcher JVM options", warmOptions));
            if (cds != null) {
                rows.add(new Row("warm + options + AppCDS (launcher)", cds));
            }
            if (served != null) {
                rows.add(new Row("served by 'iisdiag daemon' (launcher)", served));
            }
            out.print(table(rows, floor));
            out.println();
            out.println(verdict("one-shot, launcher: cache + AppCDS", cds, targetSeconds, why));
            out.println(verdict("iisdiag daemon running, launcher client", served, targetSeconds, servedWhy)
                    + (sameOutput.isEmpty() ? "" : "; " + sameOutput));
            out.println("(wall time of the whole child process, stdout discarded; cold = a fresh IISDIAG_CACHE_DIR per"
                    + " repetition and -Xshare:off; warm = a cache primed once; launcher JVM options = "
                    + String.join(" ", org.iisdiag.cli.LauncherJvmOptions.forThisMachine()) + "; AppCDS = -XX:SharedArchiveFile of an"
                    + " archive made once with -XX:ArchiveClassesAtExit, as ./iisdiag does; floor = java -version with"
                    + " default flags)");
            if (cds != null) {
                out.println();
                out.print(phases(useOptions(jsa), home, primed));
            }
            return passes(served, targetSeconds) && sameOutput.endsWith("yes");
        } finally {
            deleteTree(work);
        }
    }

    /**
     * The median wall and CPU time of each phase of a warm + AppCDS start, one phase after the other (see
     * {@link StartupPhases}).
     */
    private String phases(List<String> jvmOptions, Path home, Path cache) throws IOException, InterruptedException {
        java.util.Map<String, long[]> wall = new java.util.LinkedHashMap<>();
        java.util.Map<String, long[]> cpu = new java.util.LinkedHashMap<>();
        for (int i = 0; i < reps; i++) {
            List<String> cmd = new ArrayList<>(List.of(java.toString()));
            cmd.addAll(jvmOptions);
            cmd.addAll(List.of("-Diisdiag.home=" + home, "-cp", jar.toString(), StartupPhases.class.getName(),
                    home.resolve("rules").toString(), home.resolve("knowledge-base").toString(), caseDir.toString(),
                    cache.toString()));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            SCRUBBED_ENV.forEach(pb.environment()::remove);
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IOException("start-up phases failed:\n" + output);
            }
            collect(output, i, reps, wall, cpu);
        }
        StringBuilder b = new StringBuilder("where a warm + AppCDS start goes (phases one after the other, median ms of"
                + " wall time and of the main thread's CPU; diagnose loads the catalogs and the rule base and reads the"
                + " case at once):\n").append(String.format(Locale.ROOT, "  %-52s %6s %6s%n", "", "wall", "cpu"));
        long totalWall = 0;
        long totalCpu = 0;
        for (java.util.Map.Entry<String, long[]> e : wall.entrySet()) {
            long w = median(e.getValue());
            long c = median(cpu.getOrDefault(e.getKey(), new long[] {0}));
            totalWall += w;
            totalCpu += c;
            b.append(String.format(Locale.ROOT, "  %-52s %6d %6d%n", e.getKey(), w, c));
        }
        return b.append(String.format(Locale.ROOT, "  %-52s %6d %6d%n", "sum", totalWall, totalCpu)).toString();
    }

    /** Files one run's {@code PHASE} and {@code PHASECPU} lines of {@link StartupPhases} under repetition {@code rep}. */
    static void collect(String output, int rep, int reps, java.util.Map<String, long[]> wall,
                        java.util.Map<String, long[]> cpu) {
        output.lines().forEach(l -> {
            java.util.Map<String, long[]> into = l.startsWith("PHASE ") ? wall : l.startsWith("PHASECPU ") ? cpu : null;
            if (into != null) {
                int eq = l.lastIndexOf('=');
                into.computeIfAbsent(l.substring(l.indexOf(' ') + 1, eq), k -> new long[reps])[rep]
                        = Long.parseLong(l.substring(eq + 1));
            }
        });
    }

    private static long median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    private interface Measurement {
        long run() throws IOException, InterruptedException;
    }

    private Stats repeat(Measurement m) throws IOException, InterruptedException {
        long[] nanos = new long[reps];
        for (int i = 0; i < reps; i++) {
            nanos[i] = m.run();
        }
        return new Stats(nanos);
    }

    /** Runs a child to completion (bounded by the timeout) and returns its wall time; a failure is an exception. */
    private long time(List<String> cmd, Path cacheDir, String what) throws IOException, InterruptedException {
        return time(cmd, cacheDir, what, false);
    }

    /** The child's environment: no injected JVM options, this cache, and a daemon only when {@code viaDaemon}. */
    private static ProcessBuilder child(List<String> cmd, Path cacheDir, boolean viaDaemon) {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        SCRUBBED_ENV.forEach(pb.environment()::remove);
        if (cacheDir != null) {
            pb.environment().put("IISDIAG_CACHE_DIR", cacheDir.toString());
        }
        if (viaDaemon) {
            pb.environment().remove(org.iisdiag.daemon.DaemonClient.OFF_VARIABLE);
        } else {
            pb.environment().put(org.iisdiag.daemon.DaemonClient.OFF_VARIABLE, "1");
        }
        return pb;
    }

    /** A child's standard output (for comparing two ways of running). */
    private byte[] output(List<String> cmd, Path cacheDir, boolean viaDaemon) throws IOException, InterruptedException {
        Process p = child(cmd, cacheDir, viaDaemon).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] bytes = p.getInputStream().readAllBytes();
        p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        return bytes;
    }

    /** As {@link #time(List, Path, String)}; {@code viaDaemon}: a running daemon may serve it. */
    private long time(List<String> cmd, Path cacheDir, String what, boolean viaDaemon)
            throws IOException, InterruptedException {
        Path errFile = Files.createTempFile("iisdiag-startup-", ".err");
        try {
            ProcessBuilder pb = child(cmd, cacheDir, viaDaemon).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(errFile.toFile());
            long t0 = System.nanoTime();
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                throw new IOException(what + " did not finish within " + timeoutSeconds + " s: " + String.join(" ", cmd));
            }
            long wall = System.nanoTime() - t0;
            if (p.exitValue() != 0) {
                throw new IOException(what + " failed with exit code " + p.exitValue() + ": " + String.join(" ", cmd)
                        + firstLines(Files.readString(errFile, StandardCharsets.UTF_8), 12));
            }
            return wall;
        } finally {
            Files.deleteIfExists(errFile);
        }
    }

    /** The first {@code n} lines of a child's stderr, indented, for an error message ("" when empty). */
    static String firstLines(String text, int n) {
        List<String> lines = text.strip().lines().toList();
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        lines.subList(0, Math.min(n, lines.size())).forEach(l -> b.append("\n  ").append(l));
        if (lines.size() > n) {
            b.append("\n  ... ").append(lines.size() - n).append(" more lines");
        }
        return b.toString();
    }

    /**
     * Copies the rule pack and the catalogs into {@code to}, so that every child of one run sees the
     * same files even while an author edits the installation (an edit mid-run would turn warm runs cold).
     */
    static void snapshotPack(Path home, Path to) throws IOException {
        Path rules = home.resolve("rules");
        try (Stream<Path> walk = Files.walk(rules)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve("rules").resolve(rules.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        // exactly the files the loader reads (the catalogs, diagnoses/ included), whatever else lies there
        Path from = home.resolve("knowledge-base");
        Path kb = Files.createDirectories(to.resolve("knowledge-base"));
        for (Path f : org.iisdiag.knowledge.KnowledgeBaseLoader.catalogFiles(from)) {
            if (Files.isRegularFile(f)) {
                Path target = kb.resolve(from.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
    }

    private static boolean hasEntry(Path cacheDir) throws IOException {
        try (Stream<Path> s = Files.list(cacheDir)) {
            return s.anyMatch(p -> p.getFileName().toString().endsWith(".bin"));
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            // a temporary folder left behind is not worth failing the benchmark for
        }
    }
}
