package org.iisdiag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.iisdiag.daemon.DaemonAddress;
import org.iisdiag.daemon.DaemonClient;
import org.iisdiag.daemon.ResidentPack;
import org.iisdiag.pack.RulePackIdentity;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The iisdiag command line: {@code diagnose}, {@code test}, {@code lint}, {@code explain}, {@code bench}. */
@Command(name = "iisdiag", mixinStandardHelpOptions = true, versionProvider = IisDiag.Version.class,
        description = "Expert system that diagnoses IIS HTTP 4xx and 5xx errors from collected evidence.",
        footer = PackResolver.ENVIRONMENT_HELP)
public final class IisDiag implements Runnable {
    static final String NAME = "iisdiag";

    /**
     * The subcommands, in the order help lists them. Added by {@link #commandLine}, not named in the
     * annotation: picocli reflects over every option of every subcommand it is given, and a run of one
     * command needs only that one's model (a third of picocli's start-up).
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(DiagnoseCommand.class, TestCommand.class, LintCommand.class,
            ExplainCommand.class, DaemonCommand.class, org.iisdiag.bench.BenchCommand.class, CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'iisdiag diagnose CASE_DIR'");
    }

    /** "iisdiag 0.2.0" from the jar manifest, or "iisdiag dev" when run from classes. */
    public static String versionLine() {
        return NAME + " " + RulePackIdentity.iisdiagVersion();
    }

    /**
     * --version: the tool, the Drools version and the rule pack in use (hash and origin); on a command
     * with --rules/--kb ("iisdiag diagnose --rules X --version"), the pack those name.
     */
    static final class Version implements CommandLine.IVersionProvider {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public String[] getVersion() {
            RulePackOptions options = new RulePackOptions();
            if (spec != null) {
                for (CommandLine.Model.CommandSpec mixin : spec.mixins().values()) {
                    if (mixin.userObject() instanceof RulePackOptions given) {
                        options = given;
                    }
                }
            }
            try {
                return new String[] {RulePackIdentity.of(options.resolver.rules(options.rules),
                        options.resolver.kb(options.kb)).line()};
            } catch (IOException e) {
                return new String[] {RulePackIdentity.lineWithoutPack(e.getMessage())};
            }
        }
    }

    /** Builds the whole command line with iisdiag's error handling; tests use it with their own writers. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, () -> System.console() != null, SUBCOMMANDS);
    }

    /**
     * The subcommands a run with these arguments can reach: only the one named first, or all of them
     * (help, a top-level option, a misspelt or missing command), so that every message is as before.
     */
    public static List<Class<?>> subcommandsFor(String[] args) {
        if (args.length > 0) {
            for (Class<?> c : SUBCOMMANDS) {
                if (c != CommandLine.HelpCommand.class && args[0].equals(nameOf(c))) {
                    return List.of(c);
                }
            }
        }
        return SUBCOMMANDS;
    }

    static String nameOf(Class<?> subcommand) {
        return subcommand.getAnnotation(Command.class).name();
    }

    /**
     * As {@link #commandLine(PrintWriter, PrintWriter)} with only {@code subcommands}, and the decision
     * whether standard error is a terminal (progress lines are only drawn on one) made by {@code errIsTerminal}.
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, BooleanSupplier errIsTerminal,
                                   List<Class<?>> subcommands) {
        return commandLine(out, err, errIsTerminal, subcommands, null, null);
    }

    /**
     * As {@link #commandLine(PrintWriter, PrintWriter, BooleanSupplier, List)} for a daemon running a client's
     * command: relative paths are relative to {@code workingDir}, and {@code resident} keeps the pack loaded
     * between runs (both null in a one-shot run).
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, BooleanSupplier errIsTerminal,
                                          List<Class<?>> subcommands, Path workingDir, ResidentPack resident) {
        CommandLine cl = new CommandLine(new IisDiag());
        for (Class<?> c : subcommands) {
            cl.addSubcommand(c);
        }
        cl.setOut(out);
        cl.setErr(err);
        CommandLine diagnose = cl.getSubcommands().get("diagnose");
        if (diagnose != null) {
            DiagnoseCommand command = diagnose.getCommand();
            command.errIsTerminal = errIsTerminal;
            command.workingDir = workingDir;
            command.pack.resident = resident;
        }
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("iisdiag: internal error: " + ex);
            if (System.getenv("IISDIAG_STACK_TRACE") != null) { // for a bug report: the whole trace
                ex.printStackTrace(commandLine.getErr());
            }
            for (StackTraceElement el : ex.getStackTrace()) {
                if (el.getClassName().startsWith("org.iisdiag")) {
                    commandLine.getErr().println("  at " + el);
                    break;
                }
            }
            return ExitCodes.INTERNAL_ERROR;
        });
        return cl;
    }

    public static void main(String[] args) {
        if (System.getenv(DaemonClient.OFF_VARIABLE) == null && DaemonClient.serves(List.of(args))) {
            // a daemon started with 'iisdiag daemon start' for this build and environment answers warm
            Integer code = DaemonClient.forward(DaemonAddress.current(), List.of(args), Path.of(""),
                    System.console() != null, System.out, System.err);
            if (code != null) {
                System.exit(code);
            }
        }
        EarlyPack.startIfDiagnose(args);
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8), true);
        System.exit(commandLine(out, err, () -> System.console() != null, subcommandsFor(args)).execute(args));
    }
}
