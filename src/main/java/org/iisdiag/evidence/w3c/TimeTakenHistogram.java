package org.iisdiag.evidence.w3c;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * time-taken values of one (site, status): an HdrHistogram (2 significant digits, auto-resizing) fed
 * through a plain count per millisecond below {@link #DIRECT}. Most requests take well under a second,
 * and HdrHistogram's recordValue is a chain of calls the client compiler (which the launchers use) does
 * not inline, about a tenth of all reading time; an array increment is one instruction. The counts are
 * replayed into the histogram with their exact values before anyone reads it, so the histogram is the
 * same as if every value had been recorded one by one.
 */
final class TimeTakenHistogram {
    static final int DIRECT = 1024;

    private final Histogram histogram;
    private final int[] direct = new int[DIRECT];
    private int lowest = DIRECT; // counted range of direct, so replaying skips the empty rest
    private int highest = -1;

    TimeTakenHistogram() {
        this(new Histogram(2)); // auto-resizing, 2 significant digits: percentiles within 1%, about 10 KB
    }

    private TimeTakenHistogram(Histogram histogram) {
        this.histogram = histogram;
    }

    void record(long ms) {
        if (ms < DIRECT) {
            int v = (int) ms;
            direct[v]++;
            if (v < lowest) {
                lowest = v;
            }
            if (v > highest) {
                highest = v;
            }
        } else {
            histogram.recordValue(ms);
        }
    }

    /** Adds every value of {@code other}, value by value (never by array: the result must not depend on sizes). */
    void merge(TimeTakenHistogram other) {
        other.settle();
        for (HistogramIterationValue v : other.histogram.recordedValues()) {
            histogram.recordValueWithCount(v.getValueIteratedTo(), v.getCountAddedInThisIterationStep());
        }
    }

    /** The histogram with every value in it. */
    Histogram histogram() {
        settle();
        return histogram;
    }

    void reset() {
        if (highest >= lowest) {
            java.util.Arrays.fill(direct, lowest, highest + 1, 0);
        }
        lowest = DIRECT;
        highest = -1;
        histogram.reset();
    }

    /** One read back from an aggregate file. */
    static TimeTakenHistogram of(Histogram decoded) {
        return new TimeTakenHistogram(decoded);
    }

    private void settle() {
        for (int v = lowest; v <= highest; v++) {
            if (direct[v] != 0) {
                histogram.recordValueWithCount(v, direct[v]);
                direct[v] = 0;
            }
        }
        lowest = DIRECT;
        highest = -1;
    }
}
