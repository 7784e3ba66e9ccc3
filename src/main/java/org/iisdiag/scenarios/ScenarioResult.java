package org.iisdiag.scenarios;

import java.util.List;

/**
 * The outcome of one scenario: the failed expectations (empty when it passed), and what actually
 * happened (ranked actions with the rules behind them, fired rules), for the failure report.
 */
public record ScenarioResult(ScenarioFile scenario, List<String> failures, List<String> actualActions,
                             List<String> firedRules, Exercised exercised, String error, long millis) {

    /** The catalog entries this scenario's evidence and conclusions used, for catalog coverage. */
    public record Exercised(java.util.Set<String> actions, java.util.Set<String> statusCodes,
                            java.util.Set<String> reasons, java.util.Set<String> diagnoses) {
        static final Exercised NONE = new Exercised(java.util.Set.of(), java.util.Set.of(), java.util.Set.of(),
                java.util.Set.of());
    }

    public boolean passed() {
        return failures.isEmpty() && error == null;
    }
}
