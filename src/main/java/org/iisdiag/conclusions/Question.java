package org.iisdiag.conclusions;

import java.util.List;
import java.util.SortedMap;

import org.iisdiag.facts.EvidenceFact;
import org.iisdiag.facts.RecordEquality;

/** Evidence that is missing and would change the answer; its catalog entry names the action that collects it. */
public record Question(String questionId, Target target, SortedMap<String, String> params, String ruleId,
                       List<EvidenceFact> evidence) {

    public String key() {
        return Params.key(questionId, params) + "@" + target.key();
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
