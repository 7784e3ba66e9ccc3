package org.iisdiag.evidence.env;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iisdiag.facts.ReportedChange;

/**
 * The first change a description names: a sentence with a verb of change in the past ("was switched to",
 * "moved the server", "we deployed", "updated the certificate"), unless the clause denies it ("Nothing was
 * deployed", "we haven't changed anything", "no code was deployed").
 */
final class ReportedChanges {
    private ReportedChanges() {
    }

    private static final Pattern CHANGE = Pattern.compile("\\b(?:changed|switched|moved|migrated|upgraded|updated|"
            + "installed|uninstalled|deployed|redeployed|renamed|patched|re-?addressed|replaced|rotated|renewed|"
            + "reconfigured|hardened|rolled out|rolled back|applied|enabled|disabled|removed|restored|re-?imaged|"
            + "rebuilt)\\b", Pattern.CASE_INSENSITIVE);
    /** A denial earlier in the same clause. */
    private static final Pattern DENIAL = Pattern.compile("\\b(?:no|not|nothing|never|none|without)\\b|n't\\b",
            Pattern.CASE_INSENSITIVE);

    static Optional<ReportedChange> in(String description) {
        if (description == null || description.isBlank()) {
            return Optional.empty();
        }
        Matcher m = CHANGE.matcher(description);
        while (m.find()) {
            String before = description.substring(ReportedCpu.clauseStart(description, m.start()), m.start());
            if (!DENIAL.matcher(before).find()) {
                return Optional.of(new ReportedChange(ReportedCpu.clause(description, m.start(), m.end()), ReportedCpu.SOURCE));
            }
        }
        return Optional.empty();
    }
}
