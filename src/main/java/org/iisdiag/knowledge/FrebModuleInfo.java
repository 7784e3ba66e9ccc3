package org.iisdiag.knowledge;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.iisdiag.facts.RecordEquality;

/**
 * An IIS module as Failed Request Tracing names it: what its failure means, and the diagnosis it names
 * ("" when none). Some modules fail for unrelated reasons that only the trace's error code tells apart
 * (the static file handler: 0x80070002 is a missing file, 0x80070005 a refused read), so a diagnosis can
 * also be given per error code, which then wins over the module's own.
 */
public record FrebModuleInfo(String module, String meaning, String diagnosis, Map<String, String> byErrorCode)
        implements java.io.Serializable, CatalogEntry {
    public FrebModuleInfo {
        byErrorCode = Map.copyOf(byErrorCode);
    }

    public FrebModuleInfo(String module, String meaning, String diagnosis) {
        this(module, meaning, diagnosis, Map.of());
    }

    /** The diagnosis a failure with this error code (as FREB facts write it, "0x80070002") names, or "". */
    public String diagnosisFor(String errorCode) {
        String specific = errorCode == null ? null : byErrorCode.get(errorCode.toLowerCase(Locale.ROOT));
        return specific != null ? specific : diagnosis;
    }

    /** Every diagnosis a failure of this module can name, whatever its error code: the module's and the codes'. */
    public Set<String> diagnoses() {
        Set<String> all = new TreeSet<>(byErrorCode.values());
        if (!diagnosis.isEmpty()) {
            all.add(diagnosis);
        }
        return all;
    }

    /** Whether a failure of this module names {@code id} for some error code. */
    public boolean names(String id) {
        return diagnoses().contains(id);
    }

    @Override
    public String label() {
        return "FREB module " + module;
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
