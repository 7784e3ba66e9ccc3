package org.iisdiag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.iisdiag.daemon.DaemonAddress;
import org.iisdiag.daemon.DaemonControl;
import org.iisdiag.daemon.DiagnosisDaemon;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code iisdiag daemon start|stop|status|run}: a resident iisdiag that keeps the rule pack loaded, so that a
 * diagnose on a desk answers in a fraction of the time a fresh process needs to load it.
 */
@Command(name = "daemon", mixinStandardHelpOptions = true, versionProvider = IisDiag.Version.class,
        description = {"Keep iisdiag loaded between diagnoses: while a daemon runs for this installation, "
                + "'iisdiag diagnose CASE' hands the case to it and prints its answer, the same bytes a fresh process "
                + "would print, in a fraction of the time.",
                "The daemon checks every rule and catalog file before each run and reloads them when one changed; "
                + "a diagnose with --rules, --kb, --no-cache or --watch, or with " + org.iisdiag.daemon.DaemonClient.OFF_VARIABLE
                + " set, runs in its own process as before."},
        subcommands = {DaemonCommand.Start.class, DaemonCommand.Stop.class, DaemonCommand.Status.class,
                DaemonCommand.Run.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (start: a daemon runs; status: one runs; stop: none runs any more)",
                "1:internal error", "2:usage error", "12:no daemon runs (status), or it could not start (start)"})
public final class DaemonCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The --idle-timeout option of start and run. */
    static final class Idle {
        @Option(names = "--idle-timeout", paramLabel = "MINUTES", defaultValue = "30",
                description = "Stop after this many minutes without a request (default: ${DEFAULT-VALUE}).")
        long minutes;

        Duration duration() {
            return Duration.ofMinutes(Math.max(1, minutes));
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Start a daemon in the background for this installation and environment, and wait until it "
                    + "has loaded the pack and served the bundled sample cases once; nothing when one runs already.")
    static final class Start implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        Idle idle;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            DaemonAddress address = DaemonAddress.current();
            if (!address.bindable()) {
                err.println("iisdiag: cannot start a daemon: its socket path " + address.socket() + " is too long; set "
                        + "IISDIAG_CACHE_DIR to a shorter folder");
                return ExitCodes.DAEMON_NOT_RUNNING;
            }
            String running = DaemonControl.status(address);
            if (running != null) {
                out.print(running);
                out.flush();
                return ExitCodes.OK;
            }
            Files.createDirectories(address.socket().getParent());
            List<String> launcher = ManagementFactory.getRuntimeMXBean().getInputArguments();
            primeCaches(launcher, address);
            List<String> command = new ArrayList<>(javaCommand(daemonJvmOptions(launcher)));
            command.addAll(List.of("daemon", "run", "--idle-timeout", Long.toString(idle.duration().toMinutes())));
            ProcessBuilder builder = new ProcessBuilder(command);
            // glibc gives each thread that allocates its own 64 MiB arena; two keep the resident set small
            builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
            Process daemon = builder
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(address.log().toFile()))
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .start();
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (System.nanoTime() < deadline) {
                String status = DaemonControl.status(address);
                if (status != null) {
                    out.print(status);
                    out.flush();
                    return ExitCodes.OK;
                }
                if (!daemon.isAlive()) {
                    err.println("iisdiag: the daemon did not start (exit code " + daemon.exitValue() + "); its log, "
                            + address.log() + ":");
                    err.print(Files.readString(address.log(), StandardCharsets.UTF_8));
                    return ExitCodes.DAEMON_NOT_RUNNING;
                }
                Thread.sleep(100);
            }
            daemon.destroy();
            err.println("iisdiag: the daemon did not become ready within 3 minutes; see " + address.log());
            return ExitCodes.DAEMON_NOT_RUNNING;
        }

        /**
         * Fills the compiled-rule and catalog caches in a one-shot run of its own, as any first diagnose does, so that
         * the daemon reads the pack back instead of compiling it: compiling loads the Java compiler and takes some 70
         * MiB more at its peak, which would stay the daemon's peak for the rest of its life. A no-op of about a
         * second when the caches hold the pack already.
         */
        private static void primeCaches(List<String> launcherOptions, DaemonAddress address)
                throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(javaCommand(launcherOptions));
            command.addAll(warmUpRuns().get(0));
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(address.log().toFile()) // starts the log afresh; the daemon's lines follow
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            builder.environment().put(org.iisdiag.daemon.DaemonClient.OFF_VARIABLE, "1");
            builder.start().waitFor(); // its problems, if any, are the daemon's too and are reported by its start
        }

        /** This JVM's java with {@code options}, this class path and iisdiag's main class. */
        private static List<String> javaCommand(List<String> options) {
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command()
                    .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(options);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), IisDiag.class.getName()));
            return command;
        }

        private static java.io.File nullDevice() {
            return new java.io.File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
        }
    }

    /**
     * The daemon's JVM options: the launcher's, with a smaller heap. The process keeps the pack (some 40 MiB
     * live) between runs and, unlike a one-shot run, lives long enough for the collector to let the old
     * generation fill up to the cap before a full collection; with the launcher's 256 MiB cap its resident
     * set reached 300 to 440 MiB over a few runs of 1 GB of logs. With a 144 MiB cap and the client compiler
     * it stays under 256 MiB (measured with /proc VmHWM; the optimising compiler read 1 GB faster but its
     * working memory alone took the daemon past 280 MiB). An -Xmx or -Xms the user gave in IISDIAG_JAVA_OPTS
     * comes later on the line and still wins. The class-data archive is left out: it saves a one-shot run a
     * third of a second of class loading, which a daemon pays once, while its mapping stays resident (some 40
     * MiB more at the peak). So are transparent huge pages: they spare a short run page faults while its heap
     * fills, once, while a 2 MiB page counts whole in the resident set (peaks of 290 MiB with them).
     */
    static final String DAEMON_HEAP_CAP = "-Xmx144m";
    static final String DAEMON_INITIAL_HEAP = "-Xms64m";

    static List<String> daemonJvmOptions(List<String> launcherOptions) {
        List<String> options = new ArrayList<>();
        // one network for every case it serves: built once, instead of one per kind of case beside it
        options.add("-D" + org.iisdiag.engine.RuleBase.WHOLE_PACK_PROPERTY + "=true");
        launcherOptions.stream().filter(o -> !o.startsWith("-agentlib:jdwp") && !o.startsWith("-XX:SharedArchiveFile=")
                        && !o.equals(LauncherJvmOptions.HUGE_PAGES))
                .map(o -> o.equals(LauncherJvmOptions.HEAP_CAP) ? DAEMON_HEAP_CAP
                        : o.equals(LauncherJvmOptions.INITIAL_HEAP) ? DAEMON_INITIAL_HEAP : o)
                .forEach(options::add);
        return options;
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stop the daemon of this installation and environment (the run it serves finishes first).")
    static final class Stop implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            String said = DaemonControl.stop(DaemonAddress.current());
            out.print(said != null ? said : "iisdiag: no daemon runs for this installation\n");
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Say whether a daemon runs for this installation and environment, since when and with which pack.")
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            DaemonAddress address = DaemonAddress.current();
            String status = DaemonControl.status(address);
            out.print(status != null ? status : "iisdiag: no daemon runs for this installation (" + address.socket() + ")\n");
            out.flush();
            return status != null ? ExitCodes.OK : ExitCodes.DAEMON_NOT_RUNNING;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run the daemon in the foreground (what start runs in the background; for a service manager).")
    static final class Run implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        Idle idle;

        @Override
        public Integer call() throws IOException {
            DaemonAddress address = DaemonAddress.current();
            DiagnosisDaemon daemon = new DiagnosisDaemon(address, idle.duration());
            DaemonControl.ignoreHangUp();
            daemon.warmUp(warmUpRuns(), System.out);
            daemon.serve(System.out);
            return ExitCodes.OK;
        }
    }

    /**
     * The runs that warm a daemon up: each bundled sample case in JSON, and all of them as one case in every other
     * format; without sample cases, one run on an empty folder, which still loads the pack.
     */
    static List<List<String>> warmUpRuns() throws IOException {
        List<List<String>> runs = new ArrayList<>();
        Path cases;
        try {
            cases = PackResolver.system().kb(null).dir().resolve("cases");
        } catch (IOException e) {
            cases = null; // the runs say what is wrong with the pack
        }
        List<Path> folders = new ArrayList<>();
        if (cases != null && Files.isDirectory(cases)) {
            try (Stream<Path> s = Files.list(cases)) {
                s.filter(Files::isDirectory).sorted().forEach(folders::add);
            }
        }
        if (folders.isEmpty()) {
            Path empty = Files.createTempDirectory("iisdiag-warm-up");
            empty.toFile().deleteOnExit();
            runs.add(List.of("diagnose", empty.toString()));
            return runs;
        }
        for (Path f : folders) {
            runs.add(List.of("diagnose", f.toString(), "--format", "json"));
        }
        for (ReportFormat format : ReportFormat.values()) {
            if (format != ReportFormat.json) {
                runs.add(List.of("diagnose", cases.toString(), "--format", format.name()));
            }
        }
        return runs;
    }
}
