package org.iisdiag.classified;

import java.util.List;

import org.iisdiag.conclusions.Target;
import org.iisdiag.facts.EvidenceFact;
import org.iisdiag.facts.HttpErrCount;
import org.iisdiag.facts.RecordEquality;
import org.iisdiag.knowledge.HttpErrReason;

/** HTTPERR entries HTTP.sys wrote for a reason that is not housekeeping or noise, with the catalog entry. */
public record HttpSysRejection(HttpErrCount count, HttpErrReason reason, Target target) implements Classified {

    @Override
    public List<EvidenceFact> evidence() {
        return List.of(count);
    }

    @Override
    public String toString() {
        return "HttpSysRejection " + count.reason() + " x" + count.count() + " for " + target.describe();
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
