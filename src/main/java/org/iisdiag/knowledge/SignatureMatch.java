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

    /**
     * The same match as a report of it: a message someone quotes rather than one a log holds supports its
     * cause as probable at most.
     */
    public SignatureMatch asReported() {
        if (signature.certainty() != org.iisdiag.conclusions.Certainty.CONFIRMED) {
            return this;
        }
        ExceptionSignature s = signature;
        return new SignatureMatch(new ExceptionSignature(s.id(), s.pattern(), s.diagnosis(),
                org.iisdiag.conclusions.Certainty.PROBABLE, s.note()), params);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
