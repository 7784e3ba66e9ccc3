package org.iisdiag.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.iisdiag.evidence.CaseEvidence;
import org.iisdiag.evidence.Timeline;
import org.iisdiag.evidence.TimelineSeries;
import org.iisdiag.facts.ServerChange;
import org.iisdiag.report.DiagnosisReport.Marker;
import org.iisdiag.report.DiagnosisReport.Series;

/**
 * Puts every source of a case on one time axis: the per-minute timelines the readers kept, re-bucketed
 * to a common width (coarser for long windows, so that JSON and the chart stay small), with the changes
 * on record as markers. Series without an entry are left out.
 */
final class TimelineBuilder {
    /** A series has at most this many points: a day at one minute fits. */
    static final int MAX_POINTS = 1_500;
    /** Bucket widths in minutes, finest first. */
    private static final int[] WIDTHS = {1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1_440, 2_880, 10_080};

    private TimelineBuilder() {
    }

    /**
     * The case's timeline; the HTTPERR reasons in {@code normalReasons} (all their entries recognised as
     * normal housekeeping or noise) share one series, last, so they do not crowd the outage.
     */
    static DiagnosisReport.Timeline of(CaseEvidence e, java.util.Set<String> normalReasons) {
        List<TimelineSeries> all = new ArrayList<>();
        Timeline normal = new Timeline();
        for (TimelineSeries s : e.series()) {
            String reason = s.id().startsWith("httperr ") ? s.id().substring("httperr ".length()) : null;
            if (reason != null && normalReasons.contains(reason)) {
                normal.merge(s.timeline());
            } else {
                all.add(s);
            }
        }
        if (!normal.isEmpty()) {
            all.add(new TimelineSeries("httperr normal", "HTTP.sys, recognised as normal", "HTTPERR", TimelineSeries.ALL,
                    normal));
        }
        return of(e, all);
    }

    private static DiagnosisReport.Timeline of(CaseEvidence e, List<TimelineSeries> seriesOfCase) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long coarsest = 60;
        for (TimelineSeries s : seriesOfCase) {
            Timeline t = s.timeline();
            coarsest = Math.max(coarsest, t.bucketSeconds());
            for (Timeline.Bucket b : t.buckets()) {
                if (s.count(b) > 0) {
                    first = Math.min(first, b.start().getEpochSecond());
                    last = Math.max(last, b.start().getEpochSecond() + t.bucketSeconds() - 1);
                }
            }
        }
        if (first > last) {
            return new DiagnosisReport.Timeline("", "", 1, List.of(), List.of());
        }
        long width = widthSeconds(last - first + 1, coarsest);
        long start = Math.floorDiv(first, width) * width;
        int points = (int) ((last - start) / width) + 1;
        List<Series> series = new ArrayList<>();
        for (TimelineSeries s : seriesOfCase) {
            long[] counts = new long[points];
            for (Timeline.Bucket b : s.timeline().buckets()) {
                long n = s.count(b);
                if (n > 0) {
                    counts[(int) ((b.start().getEpochSecond() - start) / width)] += n;
                }
            }
            long total = 0;
            int peak = 0;
            for (int i = 0; i < points; i++) {
                total += counts[i];
                peak = counts[i] > counts[peak] ? i : peak;
            }
            if (total > 0) {
                series.add(new Series(s.id(), s.label(), s.source(), total,
                        Instant.ofEpochSecond(start + peak * width).toString(), counts[peak],
                        java.util.Arrays.stream(counts).boxed().toList()));
            }
        }
        Instant end = Instant.ofEpochSecond(start + points * width);
        List<Marker> changes = e.env().changes().stream().map(ServerChange.class::cast)
                .filter(c -> c.when() != null)
                .map(c -> new Marker(c.when().toString(), c.describe())).toList();
        return new DiagnosisReport.Timeline(Instant.ofEpochSecond(start).toString(), end.toString(),
                (int) (width / 60), series, changes);
    }

    /** The finest width (a multiple of the coarsest the readers kept) that fits the span in {@link #MAX_POINTS}. */
    private static long widthSeconds(long spanSeconds, long finestSeconds) {
        for (int minutes : WIDTHS) {
            long w = minutes * 60L;
            if (w >= finestSeconds && w % finestSeconds == 0 && spanSeconds / w < MAX_POINTS) {
                return w;
            }
        }
        long w = WIDTHS[WIDTHS.length - 1] * 60L;
        while (spanSeconds / w >= MAX_POINTS) {
            w *= 2;
        }
        return w;
    }
}
