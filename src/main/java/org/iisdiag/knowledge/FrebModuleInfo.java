package org.iisdiag.knowledge;

import org.iisdiag.facts.RecordEquality;

/** An IIS module as Failed Request Tracing names it: what its failure means, and the diagnosis ("" when none). */
public record FrebModuleInfo(String module, String meaning, String diagnosis) implements java.io.Serializable, CatalogEntry {
    @Override
    public String label() {
        return "FREB module " + module;
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
