package org.iisdiag.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.iisdiag.lint.LintMessage;
import org.iisdiag.lint.Linter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code iisdiag lint}: check the rule pack and catalogs without running a case. */
@Command(name = "lint", mixinStandardHelpOptions = true, versionProvider = IisDiag.Version.class,
        description = {"Compile the rules and validate the catalogs without running a case.",
                "Prints file:line:col: level: message for each problem, then a count."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:no errors (warnings may be printed)",
                "2:usage error",
                "4:the rules have errors",
                "5:the knowledge base has errors (and the rules none)"},
        footer = PackResolver.ENVIRONMENT_HELP)
public final class LintCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RulePackOptions pack;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            pack.resolve(spec.commandLine().getErr());
        } catch (ExitException e) {
            return e.code();
        }
        Linter.Result result = new Linter().lint(pack.rulesDir(), pack.kbDir());
        result.messages().forEach(out::println);
        out.printf("lint: %d error(s), %d warning(s)%n", result.count(LintMessage.Level.ERROR),
                result.count(LintMessage.Level.WARNING));
        out.flush();
        if (result.ruleErrors()) {
            return ExitCodes.RULES_INVALID;
        }
        return result.catalogErrors() ? ExitCodes.KNOWLEDGE_BASE_INVALID : ExitCodes.OK;
    }
}
