package org.iisdiag.evidence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.iisdiag.facts.ErrorOnset;

/** When 4xx and 5xx errors began in a case's timeline (IIS log and HTTPERR together), for "what changed?". */
public final class Onsets {
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
        long minutesPerBucket = Math.max(1, all.bucketSeconds() / 60);
        for (int cls : new int[] {4, 5}) {
            Instant first = null;
            Instant last = null;
            long clean = 0;
            long errors = 0;
            for (Timeline.Bucket b : buckets) {
                if (b.count(cls) > 0) {
                    if (first == null) {
                        first = b.start();
                    }
                    last = b.start();
                    errors += b.count(cls);
                } else if (first == null) {
                    clean += minutesPerBucket;
                }
            }
            if (first != null) {
                out.add(new ErrorOnset(cls, buckets.get(0).start(), first, last, errors, clean));
            }
        }
        return out;
    }
}
