package org.iisdiag.classified;

import java.util.List;

import org.iisdiag.conclusions.Target;
import org.iisdiag.facts.EvidenceFact;
import org.iisdiag.facts.RecordEquality;
import org.iisdiag.knowledge.SignatureMatch;

/** An exception or error text in the evidence whose message names its cause (an exception signature). */
public record ExceptionCause(SignatureMatch match, EvidenceFact source, Target target) implements Classified {

    @Override
    public List<EvidenceFact> evidence() {
        return List.of(source);
    }

    @Override
    public String toString() {
        return "ExceptionCause " + match.signature().id() + " " + match.params() + " for " + target.describe();
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
