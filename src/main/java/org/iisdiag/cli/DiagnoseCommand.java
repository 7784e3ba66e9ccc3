package org.iisdiag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

import org.iisdiag.casefolder.CaseFolderException;
import org.iisdiag.diagnosis.Diagnostician;
import org.iisdiag.evidence.CaseEvidence;
import org.iisdiag.evidence.LineProblem;
import org.iisdiag.evidence.ReadReport;
import org.iisdiag.explain.RuleIndex;
import org.iisdiag.explain.WhyNot;
import org.iisdiag.facts.EvidenceKind;
import org.iisdiag.report.DiagnosisReport;
import org.iisdiag.report.Detail;
import org.iisdiag.report.ReportRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code iisdiag diagnose CASE}: read a case folder or file, run the rules, print prioritized actions. */
@Command(name = "diagnose", mixinStandardHelpOptions = true, versionProvider = IisDiag.Version.class,
        description = "Diagnose a case (IIS logs, HTTPERR logs, env.yaml ...) and print prioritized actions.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:a diagnosis was produced (whatever it found)",
                "1:internal error",
                "2:usage error",
                "3:the case is missing or unreadable",
                "4:the rules failed to compile or are invalid",
                "5:the knowledge base is invalid",
                "6:the output file cannot be written (checked before the analysis)",
                "11:no usable evidence: no file of the case could be read as evidence"},
        footer = PackResolver.ENVIRONMENT_HELP)
public final class DiagnoseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CASE",
            description = "The evidence collected from the server: a folder, a .zip (as Collect-IisCase.ps1 makes) or one file (an IIS or HTTPERR log, a .gz, an event-log export ...).")
    Path caseDir;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: from the --out file's extension, else text). "
                    + "json follows knowledge-base/schemas/report.schema.json; sarif is SARIF 2.1.0, e.g. for GitHub code scanning.")
    ReportFormat format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "Write the report to FILE instead of standard output (.json, .sarif, .md, .html or .txt choose the format).")
    Path out;

    @Option(names = "--detail", paramLabel = "LEVEL",
            description = "How much to show: ${COMPLETION-CANDIDATES} (default: normal, and full for json and sarif). "
                    + "summary is the verdict and the first actions; normal fits a GitHub issue body.")
    Detail detail;

    @Option(names = "--trace", description = "Append the firing trail: each rule that fired, the facts it matched, what it inserted.")
    boolean trace;

    @Option(names = "--why-not", paramLabel = "ACTION_ID",
            description = "Explain why an action is or is not in the result: the rules that could produce it and which of their conditions this case lacks.")
    String whyNot;

    @Option(names = "--watch", description = "Diagnose again whenever a file of the case, the rules or the catalogs changes (Ctrl+C to stop).")
    boolean watch;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads that parse IIS and HTTPERR logs (default: the number of cores); the report is the same for any N.")
    Integer threads;

    @Mixin
    RulePackOptions pack;

    /** Whether standard error is a terminal (progress is drawn only there); set by {@link IisDiag#commandLine}. */
    BooleanSupplier errIsTerminal = () -> false;

    /**
     * The folder relative paths are relative to: the client's, in a daemon serving it; null in a one-shot run
     * (the process's own). Messages and the report keep the paths as they were typed.
     */
    Path workingDir;

    /** {@code p} as this run's files are found: relative to {@link #workingDir} when one is set. */
    private Path at(Path p) {
        return workingDir == null || p.isAbsolute() ? p : workingDir.resolve(p);
    }

    @Override
    public Integer call() throws Exception {
        int code = runOnce();
        if (!watch) {
            return code;
        }
        PrintWriter err = spec.commandLine().getErr();
        try {
            pack.resolve(err);
        } catch (ExitException e) {
            return e.code();
        }
        try (ChangeWatcher watcher = new ChangeWatcher(List.of(caseDir, pack.rulesDir(), pack.kbDir()))) {
            while (true) {
                err.println("iisdiag: watching " + caseDir + ", " + pack.rulesDir() + " and " + pack.kbDir()
                        + " for changes (Ctrl+C to stop) ...");
                watcher.awaitChange(-1);
                runOnce();
            }
        }
    }

    /** --format, else the --out file's extension, else text. */
    ReportFormat effectiveFormat() {
        if (format != null) {
            return format;
        }
        return Optional.ofNullable(out).flatMap(ReportFormat::forFile).orElse(ReportFormat.text);
    }

    /** --detail, else full for JSON and SARIF (they are for programs) and normal for people. */
    Detail effectiveDetail() {
        return detail != null ? detail
                : effectiveFormat() == ReportFormat.json || effectiveFormat() == ReportFormat.sarif ? Detail.full : Detail.normal;
    }

    /**
     * Starts {@link ReportRenderer#prepare} beside the case read and the pack loading rather than after
     * them: on a large case the read takes seconds, and preparing after it would add to the time the
     * report waits for. Its failures are left for {@code render}, as its contract says.
     */
    private static CompletableFuture<Void> prepareInBackground(ReportRenderer renderer) {
        return CompletableFuture.runAsync(() -> {
            try {
                renderer.prepare();
            } catch (RuntimeException | LinkageError e) {
                // render meets the same problem and reports it
            }
        }, task -> {
            Thread t = new Thread(task, "iisdiag-render-prepare");
            t.setDaemon(true);
            t.start();
        });
    }

    private int runOnce() {
        PrintWriter err = spec.commandLine().getErr();
        if (out != null && org.iisdiag.casefolder.CaseFolder.contains(at(caseDir), at(out))) {
            err.println("iisdiag: --out " + out + " is inside the case folder " + caseDir + "; the report would be read"
                    + " as evidence next time: write it elsewhere");
            return ExitCodes.OUTPUT_FAILED;
        }
        try {
            if (out != null) {
                Optional<String> problem = OutputFile.problem(out, caseDir, this::at);
                if (problem.isPresent()) {
                    err.println("iisdiag: cannot write the report: " + problem.get());
                    return ExitCodes.OUTPUT_FAILED;
                }
            }
            // The case is read while the rule pack loads (neither needs the other); the pack's problems are
            // still said first, as the case would be diagnosed by a pack that cannot load.
            Diagnostician.Loading loading = pack.start(err);
            ReportRenderer renderer = effectiveFormat().renderer();
            CompletableFuture<Void> preparing = prepareInBackground(renderer);
            CaseEvidence evidence = null;
            CaseFolderException unreadable = null;
            try {
                evidence = loading.read(at(caseDir), caseDir.toString().replace('\\', '/'),
                        TerminalProgress.forTerminal(err, errIsTerminal.getAsBoolean()),
                        threads != null ? Math.max(1, threads) : Runtime.getRuntime().availableProcessors());
            } catch (CaseFolderException e) {
                unreadable = e;
            }
            Diagnostician diagnosis = pack.await(loading, err);
            if (whyNot != null && diagnosis.knowledgeBase().action(whyNot) == null) {
                err.println("iisdiag: --why-not: no action has the id '" + whyNot + "'");
                return ExitCodes.USAGE;
            }
            if (unreadable != null) {
                err.println("iisdiag: " + unreadable.getMessage());
                return ExitCodes.CASE_UNREADABLE;
            }
            Diagnostician.Result result = diagnosis.run(evidence);
            DiagnosisReport report = result.report();
            if (trace) {
                report = report.withTrace(result.conclusions().trail());
            }
            if (whyNot != null) {
                report = report.withWhyNot(new WhyNot(diagnosis.knowledgeBase(),
                        new RuleIndex(diagnosis.ruleBase())).analyse(whyNot, result));
            }
            printEnvProblems(evidence, err);
            preparing.join();
            String rendered = renderer.render(effectiveDetail().apply(report));
            if (out == null) {
                PrintWriter w = spec.commandLine().getOut();
                w.print(rendered);
                w.flush();
            } else {
                try {
                    Files.writeString(at(out), rendered, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    err.println("iisdiag: cannot write " + out + ": " + e.getMessage());
                    return ExitCodes.OUTPUT_FAILED;
                }
                err.println("iisdiag: wrote " + report.actions().size() + " actions, " + report.diagnoses().size()
                        + " diagnoses to " + out);
            }
            if (!evidence.hasUsableEvidence()) {
                err.println("iisdiag: no usable evidence in " + caseDir + ": " + evidence.reports().size()
                        + " file(s), none could be read as an IIS/HTTPERR log, trace, event export, config, HAR or env.yaml"
                        + " (the report lists each file and why)");
                return ExitCodes.NO_USABLE_EVIDENCE;
            }
            return ExitCodes.OK;
        } catch (ExitException e) {
            return e.code();
        }
    }

    /**
     * env.yaml is written by hand, so its problems (a typo in a key, a wrong type) are said on stderr
     * too, not only in the report: the valid keys are used, the bad ones would otherwise go unnoticed.
     */
    private static void printEnvProblems(CaseEvidence evidence, PrintWriter err) {
        for (ReadReport r : evidence.reports()) {
            if (r.kind() != EvidenceKind.ENV_YAML) {
                continue;
            }
            if (r.failed()) {
                err.println("iisdiag: " + r.fatalError() + " (" + r.file() + " not used)");
            }
            for (LineProblem p : r.problems()) {
                err.println("iisdiag: " + p.location() + ": " + p.reason() + " (ignored; the rest of the file is used)");
            }
            if (r.rejected() > r.problems().size()) {
                err.println("iisdiag: " + r.file() + ": " + (r.rejected() - r.problems().size()) + " more problem(s)");
            }
        }
    }
}
