package org.iisdiag.conclusions;

import java.util.List;

import org.iisdiag.facts.EvidenceFact;
import org.iisdiag.facts.RecordEquality;

/**
 * Something the case already shows about a target ({@code revelation}, a name from the
 * {@code revelations} list of actions.yaml: error-detail, failing-module, exception ...), and the
 * evidence that shows it. A collection action whose revelations are all known is not recommended.
 */
public record Known(Target target, String revelation, String because, List<EvidenceFact> evidence, String ruleId) {
    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
