package org.iisdiag.report;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.iisdiag.report.DiagnosisReport.Series;

/**
 * The timeline as text: one row per series, each column a span of time, drawn with an ASCII ramp so
 * that it survives any console code page, each row scaled to its own peak and named after it (names
 * can be long: "HTTP.sys Connection_Abandoned_By_ReqQueue"). Used by the text and Markdown reports.
 */
final class Sparkline {
    /** Columns of a row: the time axis. */
    static final int COLUMNS = 60;
    private static final String RAMP = " .:-=+*#%@";

    private Sparkline() {
    }

    /** The rows, a header and an axis, or no line when the timeline is empty. */
    static List<String> lines(DiagnosisReport.Timeline t) {
        if (t.series().isEmpty()) {
            return List.of();
        }
        int points = t.series().get(0).counts().size();
        int perColumn = Math.max(1, (points + COLUMNS - 1) / COLUMNS);
        int columns = (points + perColumn - 1) / perColumn;
        long columnMinutes = (long) perColumn * t.bucketMinutes();
        List<String> out = new java.util.ArrayList<>();
        out.add(Format.window(t.start(), t.end()) + ", " + Format.minutes(columnMinutes)
                + " a column, each row scaled to its own peak:");
        for (Series s : t.series()) {
            long[] cols = new long[columns];
            for (int i = 0; i < points; i++) {
                cols[i / perColumn] += s.counts().get(i);
            }
            long max = java.util.Arrays.stream(cols).max().orElse(0);
            StringBuilder row = new StringBuilder();
            for (long c : cols) {
                row.append(c == 0 ? ' ' : RAMP.charAt((int) Math.max(1, Math.round((RAMP.length() - 1) * (double) c / max))));
            }
            out.add(String.format(Locale.ROOT, "|%s| %s: %s, peak %s at %s", row, s.label(),
                    Format.n(s.total()), Format.n(s.peak()), sameDay(t.start(), s.peakAt())));
        }
        if (!t.changes().isEmpty()) {
            char[] row = " ".repeat(columns).toCharArray();
            long start = Instant.parse(t.start()).getEpochSecond();
            for (DiagnosisReport.Marker m : t.changes()) {
                long col = (Instant.parse(m.at()).getEpochSecond() - start) / 60 / columnMinutes;
                if (col >= 0 && col < columns) {
                    row[(int) col] = '^';
                }
            }
            out.add(String.format(Locale.ROOT, "|%s| changes on record (^)", new String(row)));
        }
        out.add(" " + axis(t, columns, columnMinutes));
        return out;
    }

    /** Start and end times under the first and last column. */
    private static String axis(DiagnosisReport.Timeline t, int columns, long columnMinutes) {
        String from = Format.time(t.start());
        String to = Format.time(t.end());
        int gap = Math.max(1, columns + 2 - from.length() - to.length());
        return from + " ".repeat(gap) + to;
    }

    /** "14:04" on the timeline's first day, else "2024-03-05 14:04". */
    private static String sameDay(String start, String at) {
        String t = Format.time(at);
        return t.length() == 16 && t.startsWith(start.substring(0, Math.min(10, start.length()))) ? t.substring(11) : t;
    }

}
