package org.iisdiag.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.iisdiag.diagnosis.Diagnostician;
import org.iisdiag.explain.Explainer;
import org.iisdiag.explain.RuleIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code iisdiag explain ID}: what a diagnosis, action, question or rule means, who produces it, where it lives. */
@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = IisDiag.Version.class,
        description = "Explain a diagnosis, action, question or rule id: what it means, which rules produce it from which facts, and where it is defined.",
        footer = PackResolver.ENVIRONMENT_HELP)
public final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "A diagnosis, action, question or rule id.")
    String id;

    @Mixin
    RulePackOptions pack;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Diagnostician d;
        try {
            d = pack.load(err);
        } catch (ExitException e) {
            return e.code();
        }
        Explainer explainer = new Explainer(d.knowledgeBase(), new RuleIndex(d.ruleBase()));
        var text = explainer.explain(id);
        if (text.isPresent()) {
            out.print(text.get());
            out.flush();
            return ExitCodes.OK;
        }
        List<String> similar = explainer.suggestions(id);
        err.println("iisdiag: no diagnosis, action, question or rule has the id '" + id + "'"
                + (similar.isEmpty() ? "" : "; did you mean: " + String.join(", ", similar) + "?"));
        return ExitCodes.USAGE;
    }
}
