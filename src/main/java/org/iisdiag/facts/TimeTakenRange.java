package org.iisdiag.facts;

/**
 * The time-taken (ms) of the entries behind one aggregated key: how many logged it, the fastest, the
 * slowest and the mean, and when the slowest was logged (null when unknown): IIS logs a request when it
 * ends, so it ran from {@code slowestAt - max} to {@code slowestAt}. Exact, unlike the percentiles of
 * {@link TimeTakenSummary}, and cheap per key. {@code slowestUri} is the slowest entry's URI (cs-uri-stem),
 * "" when unknown.
 */
public record TimeTakenRange(long count, long min, long max, long mean, java.time.Instant slowestAt, String slowestUri) {
    public static final TimeTakenRange NONE = new TimeTakenRange(0, -1, -1, -1, null);

    /** Without the slowest entry's URI. */
    public TimeTakenRange(long count, long min, long max, long mean, java.time.Instant slowestAt) {
        this(count, min, max, mean, slowestAt, "");
    }

    /** Whether the slowest request was running at some time in [from, to] (with the correlation slack). */
    public boolean slowestDuring(java.time.Instant from, java.time.Instant to) {
        return slowestAt != null && org.iisdiag.conclusions.Correlation.overlaps(slowestAt.minusMillis(max), slowestAt,
                from, to);
    }

    /**
     * The mean time-taken of the entries other than the slowest (rounded down), or -1 with fewer than two
     * entries: what the rest of the traffic takes, so one outlier (a cold start) does not hide in its own mean.
     */
    public long meanOfTheOthers() {
        return count < 2 ? -1 : Math.max(0, (mean * count - max) / (count - 1));
    }

    /** Whether the slowest entry took at least {@code minMs} and at least {@code factor} times the others' mean. */
    public boolean slowestStandsOut(long minMs, long factor) {
        long others = meanOfTheOthers();
        return others >= 0 && max >= minMs && max >= factor * Math.max(1, others);
    }

    public boolean known() {
        return count > 0;
    }

    /** "43,870-51,276 ms" (or "45,208 ms" for one value), "" when unknown. */
    public String describe() {
        if (!known()) {
            return "";
        }
        return min == max ? String.format(java.util.Locale.ROOT, "%,d ms", max)
                : String.format(java.util.Locale.ROOT, "%,d-%,d ms", min, max);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
