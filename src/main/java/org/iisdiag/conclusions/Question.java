package org.iisdiag.conclusions;

import java.util.List;
import java.util.SortedMap;

import org.iisdiag.facts.EvidenceFact;

/** Evidence that is missing and would change the answer; its catalog entry names the action that collects it. */
public record Question(String questionId, Target target, SortedMap<String, String> params, String ruleId,
                       List<EvidenceFact> evidence) {

    public String key() {
        return Params.key(questionId, params) + "@" + target.key();
    }
}
