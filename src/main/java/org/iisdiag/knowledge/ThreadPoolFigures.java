package org.iisdiag.knowledge;

import java.util.Map;
import org.iisdiag.facts.RecordEquality;

/**
 * The .NET thread pool's figures a timeout message carries ("IOCP: (Busy=0,Free=1000,Min=4,Max=1000), WORKER:
 * (Busy=52,Free=32715,Min=4,Max=32767)", as StackExchange.Redis prints them), read from a signature's captured
 * groups iocpBusy, iocpMin, workerBusy and workerMin. Up to its minimum the pool hands out threads at once; above
 * it, it adds about one every 500 ms, so more busy threads than the minimum is a starved pool. A figure the
 * message does not carry is -1.
 */
public record ThreadPoolFigures(int workerBusy, int workerMin, int iocpBusy, int iocpMin) {

    /** The figures among a signature match's parameters (all -1 when the message has none). */
    public static ThreadPoolFigures of(Map<String, String> params) {
        return new ThreadPoolFigures(number(params, "workerBusy"), number(params, "workerMin"),
                number(params, "iocpBusy"), number(params, "iocpMin"));
    }

    /** More busy worker or I/O completion threads than the pool's minimum. */
    public boolean starved() {
        return workerStarved() || iocpStarved();
    }

    private boolean workerStarved() {
        return workerMin >= 0 && workerBusy > workerMin;
    }

    private boolean iocpStarved() {
        return iocpMin >= 0 && iocpBusy > iocpMin;
    }

    /** "WORKER Busy=214 against Min=8" (and the IOCP figures when those are above their minimum too). */
    public String describe() {
        StringBuilder out = new StringBuilder();
        if (workerStarved()) {
            out.append("WORKER Busy=").append(workerBusy).append(" against Min=").append(workerMin);
        }
        if (iocpStarved()) {
            out.append(out.isEmpty() ? "" : ", ").append("IOCP Busy=").append(iocpBusy).append(" against Min=").append(iocpMin);
        }
        return out.isEmpty() ? "no more busy threads than the minimum" : out.toString();
    }

    private static int number(Map<String, String> params, String name) {
        String v = params.get(name);
        return v == null || !v.matches("\\d{1,9}") ? -1 : Integer.parseInt(v);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
