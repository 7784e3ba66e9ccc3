package org.iisdiag.facts;

import java.util.List;
import java.util.Locale;

/**
 * A kind of line seen in ASP.NET Core Module stdout logs ({@code stdout_<yyyyMMddHHmmss>_<pid>.log}) or the
 * ANCM debug log, aggregated by (kind, detail). {@code detail} is what distinguishes it (the framework
 * and version, "System.X: message", the HRESULT ...), at most 300 chars, "" when none. {@code pid} is the
 * process id of the first occurrence (from the stdout file name, or the debug-log line), 0 when unknown.
 * The first sample is where it was first seen.
 */
public record AncmLogFinding(AncmLogKind kind, String detail, long pid, long count, List<SampleLine> samples)
        implements LoggedEvent {

    /** file:line of the first occurrence. */
    public String location() {
        return samples.isEmpty() ? "" : samples.get(0).location();
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "%,d x ASP.NET Core Module log %s%s%s", count, kind,
                detail.isEmpty() ? "" : ": " + detail, pid == 0 ? "" : " (PID " + pid + ")");
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
