package org.iisdiag.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the iisdiag command line in-process and captures what it prints. */
public record CliRun(int exitCode, String out, String err) {

    /** Runs {@code command} against the shipped rule pack and knowledge base, then {@code args}. */
    public static CliRun withPack(String command, String... args) {
        String[] all = new String[args.length + 5];
        all[0] = command;
        all[1] = "--rules";
        all[2] = org.iisdiag.TestPack.rules().toString();
        all[3] = "--kb";
        all[4] = org.iisdiag.TestPack.kb().toString();
        System.arraycopy(args, 0, all, 5, args.length);
        return of(all);
    }

    public static CliRun of(String... args) {
        return run(false, args);
    }

    /** As {@link #of}, with standard error taken for a terminal (progress lines are drawn). */
    static CliRun onTerminal(String... args) {
        return run(true, args);
    }

    private static CliRun run(boolean errIsTerminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = IisDiag.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), () -> errIsTerminal,
                IisDiag.subcommandsFor(args)).execute(args); // as main builds it
        return new CliRun(code, out.toString(), err.toString());
    }
}
