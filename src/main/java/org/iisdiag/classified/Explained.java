package org.iisdiag.classified;

import java.util.List;

import org.iisdiag.facts.EvidenceFact;
import org.iisdiag.facts.RecordEquality;

/**
 * Evidence a more specific rule has explained (a 500.19 whose HRESULT tells more than the substatus, and
 * whose missing module tells more than the HRESULT; a 1309 whose exception message names the cause), so
 * one cause is reported once, by the rule that knows the most. {@code specificity} orders them: 1 for
 * what the entry itself adds (an HRESULT, a win32 code), 2 for evidence beyond it (configuration,
 * events, traces, exception messages). A rule that diagnoses at specificity n tests
 * {@code not Explained( fact == $x, specificity > n )} and inserts its own Explained at n; the general
 * rules (specificity 0) test {@code not Explained( fact == $x )}. A rule that tests for a missing
 * Explained fires after the rules that may insert one: salience -1 when it tests {@code specificity > 2},
 * -2 for {@code specificity > 1}, -3 for the general rules (every other rule has the default 0). Without that, which of two rules fired
 * first would depend on where they sit in the rule base, and a general rule could fire (and be retracted
 * at once) when an unrelated rule is added.
 */
public record Explained(EvidenceFact fact, String by, int specificity) implements Classified {

    @Override
    public List<EvidenceFact> evidence() {
        return List.of(fact);
    }

    @Override
    public String toString() {
        return "Explained (" + specificity + ") by " + by + ": " + fact.describe();
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
