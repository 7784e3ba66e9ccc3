package org.iisdiag.knowledge;

import java.util.regex.Pattern;
import org.iisdiag.facts.RecordEquality;

/** A URI pattern that vulnerability scanners probe and no real IIS application serves. */
public record ScannerSignature(String id, Pattern pattern, String note) implements java.io.Serializable, CatalogEntry {
    @Override
    public String label() {
        return "scanner signature " + id;
    }

    public boolean matches(String uri) {
        return pattern.matcher(uri).find();
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
