package org.iisdiag.conclusions;

import java.util.List;
import java.util.SortedMap;

import org.iisdiag.facts.EvidenceFact;
import org.iisdiag.facts.RecordEquality;

/**
 * A typed conclusion: what is wrong ({@code diagnosisId}, a catalog entry with its plan), how sure the
 * rule is, about what, with the name/value pairs that fill its templates and the evidence the rule
 * passed explicitly. Inserted logically: it disappears when its evidence goes.
 */
public record Diagnosis(String diagnosisId, Certainty certainty, Target target, SortedMap<String, String> params,
                        List<EvidenceFact> evidence, String ruleId) {

    /** Diagnoses of the same thing for the same target merge under this key. */
    public String key() {
        return diagnosisId + "@" + target.key();
    }

    /** Log entries and events behind it: the reach used to order work. */
    public long reach() {
        return evidence.stream().mapToLong(EvidenceFact::occurrences).sum();
    }

    public String param(String name) {
        return params.getOrDefault(name, "");
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
