package org.iisdiag.knowledge;

import org.iisdiag.facts.RecordEquality;

/** An sc-win32-status value from the catalog. */
public record Win32StatusInfo(long code, String name, String hex, String meaning, Win32Class classification,
                              String note) implements java.io.Serializable, CatalogEntry {
    @Override
    public String label() {
        return "win32 " + code + " " + name;
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
