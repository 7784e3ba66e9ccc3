package org.iisdiag.scenarios;

import java.util.List;
import java.util.Locale;

/** The plain-text report of a suite run: failures first with expected vs actual, then the totals. */
public final class SuiteText {
    private SuiteText() {
    }

    /** The expected-vs-actual block for one failed scenario. */
    public static String failureDetail(ScenarioResult r) {
        StringBuilder b = new StringBuilder();
        if (r.error() != null) {
            return "error: " + r.error() + "\n";
        }
        b.append("expected:\n");
        r.failures().forEach(f -> b.append("  - ").append(f).append('\n'));
        b.append("actual actions (ranked, with the rules behind them):\n");
        if (r.actualActions().isEmpty()) {
            b.append("  (none)\n");
        }
        r.actualActions().forEach(a -> b.append("  ").append(a).append('\n'));
        b.append("rules fired: ").append(r.firedRules().isEmpty() ? "(none)" : String.join(", ", r.firedRules()))
                .append('\n');
        return b.toString();
    }

    public static String render(ScenarioSuite.Outcome o, Coverage coverage, boolean verbose) {
        StringBuilder b = new StringBuilder();
        for (String problem : o.invalid()) {
            b.append("INVALID ").append(problem).append('\n');
        }
        for (ScenarioResult r : o.results()) {
            if (!r.passed()) {
                b.append(r.error() != null ? "ERROR " : "FAIL ").append(r.scenario().displayName()).append(": ")
                        .append(r.scenario().scenario().name()).append('\n');
                failureDetail(r).lines().forEach(l -> b.append("    ").append(l).append('\n'));
            }
        }
        if (verbose) {
            for (ScenarioResult r : o.results()) {
                if (r.passed()) {
                    b.append(String.format(Locale.ROOT, "ok   %-70s %5d ms%n", r.scenario().displayName(), r.millis()));
                }
            }
        }
        if (coverage != null) {
            b.append('\n').append("coverage: ").append(coverage.ruleSummary()).append('\n');
            list(b, "rules no scenario fired", coverage.neverFired().stream().map(x -> x.id() + " (" + x.location() + ")").toList());
            list(b, "rules no passing scenario shows silent (expect.rules.notFired)",
                    coverage.neverShownSilent().stream().map(x -> x.id() + " (" + x.location() + ")").toList());
            list(b, "actions no rule can recommend", coverage.actionsNoRuleProduces());
            list(b, "actions no scenario recommends", coverage.actionsNeverRecommended());
            list(b, "diagnoses no rule or catalog entry concludes", coverage.diagnosesNoRuleConcludes());
            list(b, "diagnoses no scenario concludes", coverage.diagnosesNeverConcluded());
            b.append("  status codes no scenario exercises: ").append(coverage.statusCodesNotExercised().size())
                    .append(verbose ? " " + coverage.statusCodesNotExercised() : "").append('\n');
            b.append("  HTTPERR reasons no scenario exercises: ").append(coverage.reasonsNotExercised().size())
                    .append(verbose ? " " + coverage.reasonsNotExercised() : "").append('\n');
        }
        b.append('\n');
        if (!o.invalid().isEmpty()) {
            b.append(o.invalid().size()).append(" scenario file problem(s)\n");
        }
        b.append(o.passed()).append(" passed, ").append(o.failed()).append(" failed\n");
        return b.toString();
    }

    private static void list(StringBuilder b, String title, List<String> items) {
        b.append("  ").append(title).append(": ").append(items.isEmpty() ? "none" : Integer.toString(items.size()))
                .append('\n');
        items.forEach(i -> b.append("    ").append(i).append('\n'));
    }
}
