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

    /**
     * Of the IIS log's entries for one status (a rule's collect), the one a trace's error code belongs to (its
     * win32 is the code's, see {@link ErrorPages#win32}), else the one with the most requests; null for none.
     */
    public static ErrorStatus forErrorCode(List<?> statuses, String errorCode) {
        long win32 = ErrorPages.win32(errorCode);
        ErrorStatus best = null;
        for (Object o : statuses) {
            if (o instanceof ErrorStatus e && (best == null || rank(e, win32) > rank(best, win32))) {
                best = e;
            }
        }
        return best;
    }

    private static long rank(ErrorStatus e, long win32) {
        return (e.win32() == win32 && win32 != 0 ? Long.MAX_VALUE / 2 : 0) + e.count();
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
