package org.iisdiag.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The iisdiag command line: {@code diagnose}, {@code bench}. */
@Command(name = "iisdiag", mixinStandardHelpOptions = true, versionProvider = IisDiag.Version.class,
        description = "Expert system that diagnoses IIS HTTP 4xx and 5xx errors from collected evidence.",
        subcommands = {DiagnoseCommand.class, TestCommand.class, LintCommand.class, ExplainCommand.class,
                org.iisdiag.bench.BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class IisDiag implements Runnable {
    static final String NAME = "iisdiag";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'iisdiag diagnose CASE_DIR'");
    }

    /** "iisdiag 0.1.0" from the jar manifest, or "iisdiag dev" when run from classes. */
    public static String versionLine() {
        String v = IisDiag.class.getPackage().getImplementationVersion();
        return NAME + " " + (v == null ? "dev" : v);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {versionLine()};
        }
    }

    /** Builds the command line with iisdiag's error handling; tests use it with their own writers. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new IisDiag());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("iisdiag: internal error: " + ex);
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
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8), true);
        System.exit(commandLine(out, err).execute(args));
    }
}
