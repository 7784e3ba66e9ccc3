package org.iisdiag.evidence.eventlog;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.iisdiag.evidence.Timeline;
import org.iisdiag.facts.EventTimes;

/**
 * The offset of the clock that exported events in local time, as an engineer works it out: from an event that
 * prints both its local and its UTC time (ASP.NET's "Event time (UTC)"), else from the offset at which the
 * events fall on the minutes where the IIS and HTTP.sys logs (always UTC) show errors. An offset is taken only
 * when no other offset more than an hour away fits as well, and when events of two minutes or more, most of the
 * events, fall on error minutes together: with errors all day, a single event, or events far from any error, the
 * times stay local and are not compared with the logs.
 *
 * @param offsetMinutes the local clock's offset from UTC ({@code local = UTC + offset})
 * @param how           how it was found, for the report
 */
public record ClockAlignment(int offsetMinutes, String how) {
    /** Log buffering and clock drift: an event within this many seconds of an error minute falls on it. */
    static final long SLACK_SECONDS = 120;
    /** Offsets that fit equally well must lie within this many minutes of each other. */
    static final int AMBIGUITY_MINUTES = 60;

    public ZoneOffset offset() {
        return ZoneOffset.ofTotalSeconds(offsetMinutes * 60);
    }

    /** "UTC-05:00", "UTC+05:30", "UTC". */
    public String zone() {
        return zone(offsetMinutes);
    }

    private static String zone(int offsetMinutes) {
        return offsetMinutes == 0 ? "UTC" : "UTC" + ZoneOffset.ofTotalSeconds(offsetMinutes * 60).getId();
    }

    /** What an aligned fact's times say about themselves. */
    public String clock() {
        return "exported in local time, read as " + zone();
    }

    public EventTimes inUtc(EventTimes t) {
        return t.inUtc(offset(), clock());
    }

    /**
     * The offset of {@code clock}'s events, or empty when they state none and the logs' errors do not single one
     * out. {@code errors} are the UTC logs' timelines (the IIS log, HTTPERR).
     */
    static Optional<ClockAlignment> infer(LocalClock clock, List<Timeline> errors) {
        if (clock.isEmpty()) {
            return Optional.empty();
        }
        if (!clock.declared().isEmpty()) {
            Map.Entry<Integer, Long> best = null;
            for (Map.Entry<Integer, Long> e : clock.declared().entrySet()) {
                if (best == null || e.getValue() > best.getValue()
                        || e.getValue().equals(best.getValue()) && Math.abs(e.getKey()) < Math.abs(best.getKey())) {
                    best = e;
                }
            }
            return Optional.of(new ClockAlignment(best.getKey(), best.getValue() + " ASP.NET event(s) print both their"
                    + " local and their UTC time (Event time, Event time (UTC))"));
        }
        // server errors first; 4xx only when no 5xx minute is near any event (Logon failures beside 401s, say)
        for (int statusClass : new int[] {5, 4}) {
            Optional<ClockAlignment> a = byErrors(clock, errors, statusClass);
            if (a.isPresent()) {
                return a;
            }
        }
        return Optional.empty();
    }

    private static Optional<ClockAlignment> byErrors(LocalClock clock, List<Timeline> errors, int statusClass) {
        TreeSet<Long> starts = new TreeSet<>();
        long width = 60;
        for (Timeline t : errors) {
            width = Math.max(width, t.bucketSeconds());
            for (Timeline.Bucket b : t.buckets()) {
                if (b.count(statusClass) > 0) {
                    starts.add(b.start().getEpochSecond());
                }
            }
        }
        if (starts.isEmpty()) {
            return Optional.empty();
        }
        long total = 0;
        for (long n : clock.minutes().values()) {
            total += n;
        }
        List<Integer> best = new ArrayList<>();
        long bestScore = 0;
        int bestMinutes = 0;
        for (int offset = LocalClock.MIN_OFFSET; offset <= LocalClock.MAX_OFFSET; offset += LocalClock.STEP) {
            long score = 0;
            int minutes = 0;
            for (Map.Entry<Long, Long> m : clock.minutes().entrySet()) {
                long utc = (m.getKey() - offset) * 60;
                // an error bucket [b, b + width) within the slack of the event's minute [utc, utc + 60)
                Long b = starts.floor(utc + 60 + SLACK_SECONDS);
                if (b != null && b + width + SLACK_SECONDS > utc) {
                    score += m.getValue();
                    minutes++;
                }
            }
            if (score > bestScore) {
                bestScore = score;
                bestMinutes = minutes;
                best.clear();
            }
            if (score == bestScore && score > 0) {
                best.add(offset);
            }
        }
        // any single event, or a few of many, can be made to fall on a burst of errors: an offset counts only when
        // events of two minutes at least, and most of the events, fall on error minutes together
        if (best.isEmpty() || bestMinutes < 2 || 2 * bestScore < total
                || best.get(best.size() - 1) - best.get(0) > AMBIGUITY_MINUTES) {
            return Optional.empty();
        }
        int chosen = choose(best);
        return Optional.of(new ClockAlignment(chosen, String.format(java.util.Locale.ROOT,
                "%,d of the %,d events fall on minutes with %dxx errors in the IIS or HTTP.sys logs (UTC) when their"
                        + " clock is taken as %s, and at no offset more than an hour from it",
                bestScore, total, statusClass, zone(chosen))));
    }

    /** Among offsets that fit equally well: a whole hour (most zones), the middle of them, then the nearest to UTC. */
    private static int choose(List<Integer> fits) {
        double middle = (fits.get(0) + fits.get(fits.size() - 1)) / 2.0;
        return fits.stream().min(java.util.Comparator.<Integer>comparingInt(o -> o % 60 == 0 ? 0 : 1)
                .thenComparingDouble(o -> Math.abs(o - middle)).thenComparingInt(Math::abs)).orElseThrow();
    }
}
