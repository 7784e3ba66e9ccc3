package org.iisdiag.conclusions;

import java.util.List;
import java.util.SortedMap;

import org.iisdiag.facts.EvidenceFact;

/** Evidence that is missing and would change the answer. */
public record Question(String questionId, SortedMap<String, String> params, String ruleId,
                       List<EvidenceFact> evidence) {

    public String key() {
        return Params.key(questionId, params);
    }
}
