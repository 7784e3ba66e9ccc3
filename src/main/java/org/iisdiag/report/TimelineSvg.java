package org.iisdiag.report;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.iisdiag.report.DiagnosisReport.Series;

/**
 * The timeline as an inline SVG chart for the HTML report: one row of bars per series, each scaled to its
 * own peak, the changes on record as dashed lines across all rows, times under the axis. No script and
 * no external resource; every text from the case goes through {@code escape}. Bars carry a tooltip
 * (SVG title) with their time and count.
 */
final class TimelineSvg {
    static final int WIDTH = 960;
    static final int LABEL = 130;
    static final int RIGHT = 110;
    static final int ROW = 38;
    static final int AXIS = 22;
    /** Bars drawn at most: a day at five minutes. */
    static final int MAX_BARS = 288;

    private TimelineSvg() {
    }

    static String render(DiagnosisReport.Timeline t, Function<String, String> escape) {
        List<Series> series = t.series();
        if (series.isEmpty()) {
            return "";
        }
        int points = series.get(0).counts().size();
        int perBar = Math.max(1, (points + MAX_BARS - 1) / MAX_BARS);
        int bars = (points + perBar - 1) / perBar;
        long barSeconds = (long) perBar * t.bucketMinutes() * 60;
        long start = Instant.parse(t.start()).getEpochSecond();
        double plot = WIDTH - LABEL - RIGHT;
        double barWidth = plot / bars;
        int height = series.size() * ROW + AXIS;
        StringBuilder b = new StringBuilder();
        b.append("<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" width=\"100%\" aria-label=\"")
                .append(escape.apply("Errors over time, " + Format.window(t.start(), t.end()))).append("\">\n");
        for (int row = 0; row < series.size(); row++) {
            Series s = series.get(row);
            long[] sums = new long[bars];
            for (int i = 0; i < points; i++) {
                sums[i / perBar] += s.counts().get(i);
            }
            long max = java.util.Arrays.stream(sums).max().orElse(1);
            int base = row * ROW + ROW - 6;
            b.append("<g class=\"series\" data-series=\"").append(escape.apply(s.id())).append("\">");
            b.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\" class=\"label\">%s</text>", base - 8,
                    escape.apply(s.label())));
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" class=\"base\"/>",
                    LABEL, base, LABEL + plot, base));
            for (int i = 0; i < bars; i++) {
                if (sums[i] == 0) {
                    continue;
                }
                double h = Math.max(1.5, (ROW - 10) * (double) sums[i] / max);
                String from = Format.time(Instant.ofEpochSecond(start + i * barSeconds).toString());
                b.append(String.format(Locale.ROOT,
                        "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" class=\"%s\"><title>%s</title></rect>",
                        LABEL + i * barWidth, base - h, Math.max(0.8, barWidth - 0.4), h, kind(s),
                        escape.apply(from + " (" + Format.minutes(barSeconds / 60) + "): " + Format.n(sums[i]) + " "
                                + s.label())));
            }
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"total\">%s</text>", LABEL + plot + 6,
                    base - 8, escape.apply(Format.n(s.total()) + ", peak " + Format.n(s.peak()))));
            b.append("</g>\n");
        }
        long span = (long) bars * barSeconds;
        for (DiagnosisReport.Marker m : t.changes()) {
            long at = Instant.parse(m.at()).getEpochSecond() - start;
            if (at < 0 || at > span) {
                continue;
            }
            double x = LABEL + plot * at / span;
            b.append(String.format(Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%d\" class=\"change\"><title>%s</title></line>\n", x, x,
                    series.size() * ROW, escape.apply(m.text())));
        }
        for (int tick = 0; tick <= 4; tick++) {
            long at = start + span * tick / 4;
            String label = Format.time(Instant.ofEpochSecond(at).toString());
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"tick\" text-anchor=\"%s\">%s</text>",
                    LABEL + plot * tick / 4, height - 6, tick == 0 ? "start" : tick == 4 ? "end" : "middle",
                    escape.apply(tick == 0 || tick == 4 ? label + " UTC" : label.substring(11))));
        }
        b.append("\n</svg>\n");
        return b.toString();
    }

    /** The bar colour class: server errors, client errors, HTTP.sys, events. */
    private static String kind(Series s) {
        if (s.source().equals("event log")) {
            return "ev";
        }
        if (s.source().equals("HTTPERR")) {
            return "hs";
        }
        return s.id().endsWith("5xx") ? "e5" : "e4";
    }
}
