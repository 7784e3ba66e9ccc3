package org.iisdiag.knowledge;

import org.iisdiag.conclusions.Certainty;
import org.iisdiag.facts.RecordEquality;

/**
 * A status or status.substatus from the catalog. {@code substatus} is -1 for the bare status entry
 * that stands in when no exact entry exists. {@code diagnosis} is what the code alone tells ("" when
 * it names no cause), with the certainty it gives.
 */
public record StatusCodeInfo(int status, int substatus, String title, String meaning, String causes, String fix,
                             String diagnosis, Certainty certainty, Severity severity, String component) implements java.io.Serializable, CatalogEntry {
    @Override
    public String label() {
        return "status " + code();
    }


    public String code() {
        return substatus < 0 ? Integer.toString(status) : status + "." + substatus;
    }

    /** Whether this code, by itself, names a cause (a diagnosis the rules can conclude from it). */
    public boolean namesCause() {
        return !diagnosis.isEmpty();
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
