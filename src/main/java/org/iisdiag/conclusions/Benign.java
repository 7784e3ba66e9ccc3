package org.iisdiag.conclusions;

import org.iisdiag.facts.EvidenceFact;
import org.iisdiag.facts.RecordEquality;

/**
 * Evidence recognised as a normal pattern (an NTLM handshake, a client disconnect, scanner noise).
 * Escalating rules test {@code not Benign(fact == $x)}, so noise is reported but not acted on.
 */
public record Benign(EvidenceFact fact, String reason, String ruleId) {
    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
