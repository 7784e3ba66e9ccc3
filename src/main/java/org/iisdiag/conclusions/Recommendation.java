package org.iisdiag.conclusions;

import java.util.List;
import java.util.SortedMap;

import org.iisdiag.facts.EvidenceFact;

/**
 * A rule's recommendation of a catalog action for this case. Inserted logically: it disappears when
 * the evidence it rests on goes. Recommendations with the same {@link #key()} merge in the report.
 */
public record Recommendation(String actionId, SortedMap<String, String> params, String ruleId,
                             List<EvidenceFact> evidence) {

    public String key() {
        return Params.key(actionId, params);
    }

    /** Log entries behind this recommendation; prioritization rules read it as evidence strength. */
    public long evidenceCount() {
        return evidence.stream().mapToLong(EvidenceFact::occurrences).sum();
    }

    /** Whether any of the evidence is about this HTTP status (e.g. the status users reported). */
    public boolean concernsStatus(int status) {
        return evidence.stream().anyMatch(e -> e.status() == status);
    }

    /** Whether any of the evidence is a fact of this type (simple class name), e.g. "FailedRequestTrace". */
    public boolean restsOn(String factType) {
        return evidence.stream().anyMatch(e -> e.getClass().getSimpleName().equals(factType));
    }

    /** Whether some of the evidence shows a cause (a trace, an event, a log line, a setting), not only a symptom. */
    public boolean restsOnCause() {
        return evidence.stream().anyMatch(e -> e instanceof org.iisdiag.facts.RootCauseEvidence);
    }

    /** The highest HTTP status among the evidence (0 when none), so 5xx work can rank above 4xx. */
    public int worstStatus() {
        return evidence.stream().mapToInt(EvidenceFact::status).max().orElse(0);
    }
}
