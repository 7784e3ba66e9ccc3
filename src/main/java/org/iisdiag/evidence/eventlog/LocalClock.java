package org.iisdiag.evidence.eventlog;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the events exported in local time (a Get-WinEvent CSV, Event Viewer text) say about their machine's
 * clock: the minutes they happened in, local, and the offsets that events stating both their local and their
 * UTC time declare (an ASP.NET health-monitoring event prints "Event time:" and "Event time (UTC):").
 * Bounded: at most {@link #MAX_MINUTES} distinct minutes are kept.
 */
final class LocalClock {
    static final int MAX_MINUTES = 20_000;
    /** Offsets in use run from UTC-12:00 to UTC+14:00, in steps of a quarter hour (UTC+05:45, UTC+12:45). */
    static final int MIN_OFFSET = -12 * 60;
    static final int MAX_OFFSET = 14 * 60;
    static final int STEP = 15;

    private final TreeMap<Long, Long> minutes = new TreeMap<>();
    private final TreeMap<Integer, Long> declared = new TreeMap<>();
    private final Set<String> files = new TreeSet<>();

    /** One event at local time {@code t}, from {@code file}. */
    void local(String file, LocalDateTime t) {
        files.add(file);
        long minute = Math.floorDiv(t.toEpochSecond(ZoneOffset.UTC), 60);
        if (minutes.containsKey(minute) || minutes.size() < MAX_MINUTES) {
            minutes.merge(minute, 1L, Long::sum);
        }
    }

    /** An event that states its local time and its UTC time: their difference is its machine's offset. */
    void declared(LocalDateTime local, LocalDateTime utc) {
        if (local == null || utc == null) {
            return;
        }
        long minutes = Duration.between(utc, local).toMinutes();
        int offset = (int) (Math.round(minutes / (double) STEP) * STEP);
        if (offset >= MIN_OFFSET && offset <= MAX_OFFSET) {
            declared.merge(offset, 1L, Long::sum);
        }
    }

    /** Local epoch minute to the number of events in it. */
    NavigableMap<Long, Long> minutes() {
        return Collections.unmodifiableNavigableMap(minutes);
    }

    /** Offset in minutes to the number of events declaring it. */
    NavigableMap<Integer, Long> declared() {
        return Collections.unmodifiableNavigableMap(declared);
    }

    /** The files that held events in local time, by name. */
    Set<String> files() {
        return Collections.unmodifiableSet(files);
    }

    boolean isEmpty() {
        return files.isEmpty();
    }
}
