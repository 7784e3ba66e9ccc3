package org.iisdiag.conclusions;

import java.util.List;
import java.util.SortedMap;

import org.iisdiag.facts.EvidenceFact;

/** What is probably wrong (a catalog finding), how sure the rule is, and the evidence. */
public record Finding(String findingId, SortedMap<String, String> params, Confidence confidence, String ruleId,
                      List<EvidenceFact> evidence) {

    public String key() {
        return Params.key(findingId, params);
    }
}
