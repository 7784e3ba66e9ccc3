package org.iisdiag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.iisdiag.diagnosis.Diagnostician;
import org.iisdiag.scenarios.Coverage;
import org.iisdiag.scenarios.JUnitXmlWriter;
import org.iisdiag.scenarios.ScenarioSuite;
import org.iisdiag.scenarios.SuiteText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code iisdiag test}: run regression scenarios against the rule pack, with coverage and JUnit XML. */
@Command(name = "test", mixinStandardHelpOptions = true, versionProvider = IisDiag.Version.class,
        description = "Run regression scenarios (evidence in, expected actions out) against the rule pack.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:every scenario passed (and coverage met --min-coverage)",
                "1:internal error",
                "2:usage error",
                "4:the rules failed to compile or are invalid",
                "5:the knowledge base is invalid",
                "7:some scenarios failed",
                "8:some scenario files are invalid (unknown keys or ids, bad YAML)",
                "9:no scenario matched",
                "10:rule coverage is below --min-coverage"},
        footer = PackResolver.ENVIRONMENT_HELP)
public final class TestCommand implements Callable<Integer> {
    public static final int FAILED = 7;
    public static final int INVALID_SCENARIOS = 8;
    public static final int NO_SCENARIOS = 9;
    public static final int COVERAGE_TOO_LOW = 10;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATHS", arity = "0..*",
            description = "Scenario files or folders (default: the knowledge base's scenarios/ folder).")
    List<Path> paths = new ArrayList<>();

    @Mixin
    RulePackOptions pack;

    @Option(names = {"-r", "--regex"}, paramLabel = "REGEX", description = "Run only scenarios whose name or path matches.")
    String regex;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write the results as JUnit XML to FILE.")
    Path junit;

    @Option(names = "--coverage", description = "Report rule coverage and unused catalog entries.")
    boolean coverage;

    @Option(names = "--min-coverage", paramLabel = "PCT",
            description = "Fail (exit 10) when fewer than PCT percent of the rules fired in some scenario. Implies --coverage.")
    Double minCoverage;

    @Option(names = {"-v", "--verbose"}, description = "List passing scenarios with their times too.")
    boolean verbose;

    @Option(names = "--watch", description = "Run again whenever a rule, catalog or scenario file changes (Ctrl+C to stop).")
    boolean watch;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Pattern filter;
        try {
            filter = regex == null ? null : Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            err.println("iisdiag: invalid --regex: " + e.getDescription());
            return ExitCodes.USAGE;
        }
        try {
            pack.resolve(err);
        } catch (ExitException e) {
            return e.code();
        }
        List<Path> roots = paths.isEmpty() ? List.of(pack.kbDir().resolve("scenarios")) : paths;
        int code = runOnce(roots, filter, out, err);
        if (!watch) {
            return code;
        }
        List<Path> watched = new ArrayList<>(roots);
        watched.add(pack.rulesDir());
        watched.add(pack.kbDir());
        try (ChangeWatcher watcher = new ChangeWatcher(watched)) {
            while (true) {
                out.println("watching " + watched + " for changes (Ctrl+C to stop) ...");
                out.flush();
                watcher.awaitChange(-1);
                out.println();
                runOnce(roots, filter, out, err);
            }
        }
    }

    private int runOnce(List<Path> roots, Pattern filter, PrintWriter out, PrintWriter err) {
        Diagnostician diagnosis;
        try {
            diagnosis = pack.load(err);
        } catch (ExitException e) {
            return e.code();
        }
        ScenarioSuite.Outcome outcome;
        try {
            // scenario paths are shown from the folder holding knowledge-base/ ("knowledge-base/scenarios/...")
            Path displayBase = pack.kbDir().toAbsolutePath().normalize().getParent();
            outcome = new ScenarioSuite(diagnosis, displayBase).run(roots, filter);
        } catch (IOException e) {
            err.println("iisdiag: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        boolean wantCoverage = coverage || minCoverage != null;
        Coverage cov = wantCoverage ? Coverage.of(outcome.results(), diagnosis.ruleBase(), diagnosis.knowledgeBase()) : null;
        out.print(SuiteText.render(outcome, cov, verbose));
        out.flush();
        if (junit != null) {
            try {
                JUnitXmlWriter.write(outcome, junit);
            } catch (IOException e) {
                err.println("iisdiag: " + e.getMessage());
                return ExitCodes.OUTPUT_FAILED;
            }
        }
        if (outcome.results().isEmpty() && outcome.invalid().isEmpty()) {
            err.println("iisdiag: no scenario matched" + (regex == null ? "" : " --regex " + regex) + " under " + roots);
            return NO_SCENARIOS;
        }
        if (!outcome.invalid().isEmpty()) {
            return INVALID_SCENARIOS;
        }
        if (outcome.failed() > 0) {
            return FAILED;
        }
        if (minCoverage != null && cov.rulePercent() < minCoverage) {
            err.printf("iisdiag: rule coverage %.1f%% is below --min-coverage %.1f%%%n", cov.rulePercent(), minCoverage);
            return COVERAGE_TOO_LOW;
        }
        return ExitCodes.OK;
    }
}
