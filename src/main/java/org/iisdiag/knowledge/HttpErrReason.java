package org.iisdiag.knowledge;

import org.iisdiag.conclusions.Certainty;
import org.iisdiag.facts.RecordEquality;

/**
 * An HTTPERR s-reason from the catalog: what HTTP.sys meant, how to triage it, and the diagnosis it
 * supports ("" when none) with the certainty it gives.
 */
public record HttpErrReason(String reason, Integer status, String meaning, Triage triage, String fix,
                            String diagnosis, Certainty certainty, boolean appPoolRelated) implements java.io.Serializable, CatalogEntry {
    @Override
    public String label() {
        return "HTTPERR reason " + reason;
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
