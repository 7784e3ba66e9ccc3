package org.iisdiag.knowledge;

import java.util.SortedMap;
import org.iisdiag.facts.RecordEquality;

/** An exception signature found in a text, with the values its named groups captured. */
public record SignatureMatch(ExceptionSignature signature, SortedMap<String, String> params) {

    /** The captured values as name/value pairs, for {@code diagnose(...)}. */
    public String[] paramPairs() {
        String[] out = new String[params.size() * 2];
        int i = 0;
        for (var e : params.entrySet()) {
            out[i++] = e.getKey();
            out[i++] = e.getValue();
        }
        return out;
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
