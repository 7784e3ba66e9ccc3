package org.iisdiag.evidence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The minutes with the most server errors, counting what HTTP.sys answered itself (HTTPERR 503s) with
 * what the IIS log shows: an outage HTTP.sys absorbs never reaches the IIS log.
 */
public final class PeakMinutes {
    private PeakMinutes() {
    }

    public static List<CaseEvidence.PeakMinute> of(Timeline iisLog, Timeline httpErr, int n) {
        Map<Instant, long[]> byMinute = new TreeMap<>();
        iisLog.buckets().forEach(b -> byMinute.computeIfAbsent(b.start(), k -> new long[2])[0] += b.count(5));
        httpErr.buckets().forEach(b -> byMinute.computeIfAbsent(b.start(), k -> new long[2])[1] += b.count(5));
        List<CaseEvidence.PeakMinute> all = new ArrayList<>();
        byMinute.forEach((m, c) -> {
            if (c[0] + c[1] > 0) {
                all.add(new CaseEvidence.PeakMinute(m.toString(), c[0] + c[1], c[0], c[1]));
            }
        });
        return all.stream().sorted(Comparator.comparingLong(CaseEvidence.PeakMinute::count).reversed()
                .thenComparing(CaseEvidence.PeakMinute::minute)).limit(n).toList();
    }
}
