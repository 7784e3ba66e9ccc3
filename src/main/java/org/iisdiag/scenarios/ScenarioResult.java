package org.iisdiag.scenarios;

import java.util.List;

/**
 * The outcome of one scenario: the failed expectations (empty when it passed), and what actually
 * happened (ranked actions with the rules behind them, fired rules), for the failure report.
 */
public record ScenarioResult(ScenarioFile scenario, List<String> failures, List<String> actualActions,
                             List<String> firedRules, String error, long millis) {

    public boolean passed() {
        return failures.isEmpty() && error == null;
    }
}
