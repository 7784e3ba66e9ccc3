package org.iisdiag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.iisdiag.casefolder.CaseFolderException;
import org.iisdiag.diagnosis.Diagnosis;
import org.iisdiag.explain.RuleIndex;
import org.iisdiag.explain.WhyNot;
import org.iisdiag.report.DiagnosisReport;
import org.iisdiag.report.HtmlRenderer;
import org.iisdiag.report.JsonRenderer;
import org.iisdiag.report.MarkdownRenderer;
import org.iisdiag.report.ReportRenderer;
import org.iisdiag.report.TextRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code iisdiag diagnose CASE_DIR}: read a case folder, run the rules, print prioritized actions. */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = "Diagnose a case folder (IIS logs, HTTPERR logs, env.yaml ...) and print prioritized actions.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:a diagnosis was produced (whatever it found)",
                "1:internal error",
                "2:usage error",
                "3:the case folder is missing or unreadable",
                "4:the rules failed to compile or are invalid",
                "5:the knowledge base is invalid",
                "6:the output file could not be written"})
public final class DiagnoseCommand implements Callable<Integer> {
    /** Output formats this version renders. */
    public enum Format { text, json, md, html }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CASE_DIR", description = "Folder with the evidence collected from the server.")
    Path caseDir;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path out;

    @Option(names = "--trace", description = "Append the firing trail: each rule that fired, the facts it matched, what it inserted.")
    boolean trace;

    @Option(names = "--why-not", paramLabel = "ACTION_ID",
            description = "Explain why an action is or is not in the result: the rules that could produce it and which of their conditions this case lacks.")
    String whyNot;

    @Option(names = "--watch", description = "Diagnose again whenever a file of the case, the rules or the catalogs changes (Ctrl+C to stop).")
    boolean watch;

    @Mixin
    RulePackOptions pack;

    @Override
    public Integer call() throws Exception {
        int code = runOnce();
        if (!watch) {
            return code;
        }
        try (ChangeWatcher watcher = new ChangeWatcher(java.util.List.of(caseDir, pack.rules, pack.kb))) {
            while (true) {
                spec.commandLine().getErr().println("iisdiag: watching " + caseDir + ", " + pack.rules + " and " + pack.kb
                        + " for changes (Ctrl+C to stop) ...");
                watcher.awaitChange(-1);
                runOnce();
            }
        }
    }

    private int runOnce() {
        PrintWriter err = spec.commandLine().getErr();
        if (out != null && org.iisdiag.casefolder.CaseFolder.contains(caseDir, out)) {
            err.println("iisdiag: --out " + out + " is inside the case folder " + caseDir + "; the report would be read"
                    + " as evidence next time: write it elsewhere");
            return ExitCodes.OUTPUT_FAILED;
        }
        try {
            Diagnosis diagnosis = pack.load(err);
            if (whyNot != null && diagnosis.knowledgeBase().action(whyNot) == null) {
                err.println("iisdiag: --why-not: no action has the id '" + whyNot + "'");
                return ExitCodes.USAGE;
            }
            DiagnosisReport report;
            try {
                Diagnosis.Result result = diagnosis.run(caseDir, caseDir.toString().replace('\\', '/'));
                report = result.report();
                if (trace) {
                    report = report.withTrace(result.conclusions().trail());
                }
                if (whyNot != null) {
                    report = report.withWhyNot(new WhyNot(diagnosis.knowledgeBase(),
                            new RuleIndex(diagnosis.ruleBase())).analyse(whyNot, result));
                }
            } catch (CaseFolderException e) {
                err.println("iisdiag: " + e.getMessage());
                return ExitCodes.CASE_UNREADABLE;
            }
            String rendered = renderer().render(report);
            if (out == null) {
                PrintWriter w = spec.commandLine().getOut();
                w.print(rendered);
                w.flush();
            } else {
                try {
                    Files.writeString(out, rendered, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    err.println("iisdiag: cannot write " + out + ": " + e.getMessage());
                    return ExitCodes.OUTPUT_FAILED;
                }
                err.println("iisdiag: wrote " + report.actions().size() + " actions, " + report.findings().size()
                        + " findings to " + out);
            }
            return ExitCodes.OK;
        } catch (ExitException e) {
            return e.code();
        }
    }

    private ReportRenderer renderer() {
        return switch (format) {
            case text -> new TextRenderer();
            case json -> new JsonRenderer();
            case md -> new MarkdownRenderer();
            case html -> new HtmlRenderer();
        };
    }
}
