package org.iisdiag.knowledge;

import org.iisdiag.facts.RecordEquality;

/**
 * What the HRESULT of a 500.19 means, keyed by the Win32 code IIS logs with it, and its diagnosis.
 * {@code faultAtLocation}: whether the file and line a trace or detailed error names are where the fault is
 * (an element, a lock, a duplicate); false when IIS could not read the file at all (access, a lock by another
 * process, a missing path, a DLL the section needs), so the file's content is fine.
 */
public record ConfigErrorInfo(long win32, String hresult, String meaning, String fix, String diagnosis,
                              boolean faultAtLocation) implements java.io.Serializable, CatalogEntry {
    @Override
    public String label() {
        return "config error " + hresult;
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
