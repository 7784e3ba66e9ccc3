package org.iisdiag.evidence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.iisdiag.facts.ErrorOnset;

/**
 * When 4xx and 5xx errors began in a case's timeline (IIS log and HTTPERR together), for "what changed?".
 * A busy server has a background of errors all day; the onset an engineer looks for is where the rate
 * jumped: the largest burst, a run of minutes well above the usual rate. Without a burst (a quiet log),
 * the onset is the first error.
 */
public final class Onsets {
    /** A burst minute has at least this many errors ... */
    static final long BURST_FLOOR = 5;
    /** ... and this many times the usual rate (the 95th percentile of minutes with traffic). */
    static final long BURST_FACTOR = 4;
    /** Quieter minutes inside a burst that do not end it. */
    static final int BURST_GAP = 2;

    private Onsets() {
    }

    /** The onset of each status class 4 and 5 that has errors, from the merged timelines of the case. */
    public static List<ErrorOnset> of(Timeline... timelines) {
        Timeline all = new Timeline();
        for (Timeline t : timelines) {
            all.merge(t);
        }
        List<ErrorOnset> out = new ArrayList<>();
        List<Timeline.Bucket> buckets = all.buckets();
        if (buckets.isEmpty()) {
            return out;
        }
        long minutes = Math.max(1, all.bucketSeconds() / 60);
        for (int cls : new int[] {4, 5}) {
            long[] errors = buckets.stream().mapToLong(b -> b.count(cls)).toArray();
            ErrorOnset onset = burst(cls, buckets, errors, minutes);
            if (onset == null) {
                onset = firstError(cls, buckets, errors, minutes);
            }
            if (onset != null) {
                out.add(onset);
            }
        }
        return out;
    }

    /** The largest burst (most errors; the earlier on ties), or null when no minute stands out. */
    private static ErrorOnset burst(int cls, List<Timeline.Bucket> buckets, long[] errors, long minutes) {
        long threshold = Math.max(BURST_FLOOR * minutes, BURST_FACTOR * percentile95(errors));
        int bestStart = -1;
        int bestEnd = -1;
        long bestTotal = 0;
        int i = 0;
        while (i < errors.length) {
            if (errors[i] < threshold) {
                i++;
                continue;
            }
            int start = i;
            int end = i;
            for (int j = i + 1; j < errors.length; j++) {
                if (gapMinutes(buckets, end, j) > (BURST_GAP + 1) * minutes) {
                    break;
                }
                if (errors[j] >= threshold) {
                    end = j;
                }
            }
            long total = 0;
            for (int k = start; k <= end; k++) {
                total += errors[k];
            }
            if (total > bestTotal) {
                bestStart = start;
                bestEnd = end;
                bestTotal = total;
            }
            i = end + 1;
        }
        if (bestStart < 0) {
            return null;
        }
        long usual = 0;
        for (int k = 0; k < bestStart; k++) {
            usual = Math.max(usual, errors[k]);
        }
        return new ErrorOnset(cls, buckets.get(0).start(), buckets.get(bestStart).start(), buckets.get(bestEnd).start(),
                bestTotal, (long) bestStart * minutes, usual);
    }

    /** The first error after clean traffic: the onset of a log too quiet for bursts. */
    private static ErrorOnset firstError(int cls, List<Timeline.Bucket> buckets, long[] errors, long minutes) {
        int first = -1;
        int last = -1;
        long total = 0;
        for (int k = 0; k < errors.length; k++) {
            if (errors[k] > 0) {
                first = first < 0 ? k : first;
                last = k;
                total += errors[k];
            }
        }
        if (first < 0) {
            return null;
        }
        Instant firstError = buckets.get(first).start();
        return new ErrorOnset(cls, buckets.get(0).start(), firstError, buckets.get(last).start(), total,
                (long) first * minutes, 0);
    }

    private static long gapMinutes(List<Timeline.Bucket> buckets, int from, int to) {
        return (buckets.get(to).start().getEpochSecond() - buckets.get(from).start().getEpochSecond()) / 60;
    }

    private static long percentile95(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))];
    }
}
