package org.iisdiag.classified;

import java.util.List;

import org.iisdiag.conclusions.Target;
import org.iisdiag.facts.EvidenceFact;
import org.iisdiag.facts.RecordEquality;
import org.iisdiag.knowledge.StatusCodeInfo;

/**
 * An error status worth acting on: a 4xx or 5xx the IIS log counted (or a saved error page showed) that
 * no benign pattern explains, with its catalog entry ({@code info} null when the catalog lacks it).
 *
 * @param source the IisStatusCount or ErrorPage it comes from
 */
public record ErrorStatus(EvidenceFact source, int status, int substatus, long win32, long count,
                          StatusCodeInfo info, Target target) implements Classified {

    public String code() {
        return status + "." + substatus;
    }

    @Override
    public List<EvidenceFact> evidence() {
        return List.of(source);
    }

    @Override
    public String toString() {
        return "ErrorStatus " + code() + " (win32 " + win32 + ") x" + count + " for " + target.describe();
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
