package org.iisdiag.evidence.w3c;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A reusable, zero-copy view of one data line: field offsets into the scanner's buffer. Numbers and
 * timestamps are parsed straight from bytes; Strings are only made on request (samples, new keys),
 * so the hot path allocates nothing.
 */
public final class W3cRecord {
    /** {@link #number} result for a "-" (empty) field. */
    public static final long DASH = -1;
    /** {@link #number} result for a field that is not an unsigned decimal. */
    public static final long INVALID = -2;
    /** {@link #epochSecond} result for an unparseable date or time. */
    public static final long NO_TIME = Long.MIN_VALUE;

    final byte[] buf;
    /** bounds[f] is the separator before field f (lineStart - 1 for field 0), bounds[count] the line end. */
    final int[] bounds;
    int count;
    long lineNo;

    // one-entry date cache: log lines of a file share a handful of dates; the 10 bytes kept as a long and
    // a char so that a hit is two compares (Arrays.equals is a call the client compiler does not inline)
    private long cachedDate8;
    private int cachedDate2;
    private long cachedDayStart = NO_TIME;

    W3cRecord(byte[] buf, int maxFields) {
        this.buf = buf;
        this.bounds = new int[maxFields + 1];
    }

    public long lineNo() {
        return lineNo;
    }

    public int fieldCount() {
        return count;
    }

    /** The buffer the offsets point into; valid only during the handler call. */
    public byte[] buffer() {
        return buf;
    }

    public int start(int f) {
        return bounds[f] + 1;
    }

    public int end(int f) {
        return bounds[f + 1];
    }

    public int length(int f) {
        return bounds[f + 1] - bounds[f] - 1;
    }

    /** W3C writes "-" for an empty value. */
    public boolean isDash(int f) {
        return length(f) == 1 && buf[start(f)] == '-';
    }

    /** Unsigned decimal value (up to 18 digits), {@link #DASH} for "-", {@link #INVALID} otherwise. */
    public long number(int f) {
        int s = start(f);
        int e = end(f);
        if (e - s == 1 && buf[s] == '-') {
            return DASH;
        }
        if (e == s || e - s > 18) {
            return INVALID;
        }
        long v = 0;
        for (int i = s; i < e; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) {
                return INVALID;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /**
     * Seconds since the epoch of a UTC "YYYY-MM-DD" + "HH:MM:SS" pair (a fraction after the seconds is
     * ignored), or {@link #NO_TIME}.
     */
    public long epochSecond(int dateField, int timeField) {
        long day = dayStart(dateField);
        if (day == NO_TIME) {
            return NO_TIME;
        }
        int s = start(timeField);
        int len = length(timeField);
        if (len < 8 || (len > 8 && buf[s + 8] != '.') || buf[s + 2] != ':' || buf[s + 5] != ':') {
            return NO_TIME;
        }
        int h = two(s);
        int m = two(s + 3);
        int sec = two(s + 6);
        if (h < 0 || h > 23 || m < 0 || m > 59 || sec < 0 || sec > 60) {
            return NO_TIME;
        }
        return day + h * 3600L + m * 60L + sec;
    }

    /** Reject reason for a date/time pair that {@link #epochSecond} could not read. */
    public String badTime(int dateField, int timeField) {
        return "bad date/time '" + raw(dateField) + " " + raw(timeField) + "'";
    }

    private long dayStart(int f) {
        int s = start(f);
        if (length(f) != 10) {
            return NO_TIME;
        }
        long date8 = (long) W3cScanner.LONGS.get(buf, s);
        int date2 = (buf[s + 8] & 0xFF) << 8 | buf[s + 9] & 0xFF;
        if (cachedDayStart != NO_TIME && date8 == cachedDate8 && date2 == cachedDate2) {
            return cachedDayStart;
        }
        if (buf[s + 4] != '-' || buf[s + 7] != '-') {
            return NO_TIME;
        }
        int y1 = two(s);
        int y2 = two(s + 2);
        int mo = two(s + 5);
        int d = two(s + 8);
        if (y1 < 0 || y2 < 0 || mo < 0 || d < 0) {
            return NO_TIME;
        }
        long day;
        try {
            day = LocalDate.of(y1 * 100 + y2, mo, d).toEpochDay() * 86_400L;
        } catch (DateTimeException e) {
            return NO_TIME; // e.g. month 13 or February 30
        }
        cachedDate8 = date8;
        cachedDate2 = date2;
        cachedDayStart = day;
        return day;
    }

    private int two(int i) {
        int a = buf[i] - '0';
        int b = buf[i + 1] - '0';
        return a < 0 || a > 9 || b < 0 || b > 9 ? -1 : a * 10 + b;
    }

    /** The field as text ("" for "-"); allocates, so only for values that are kept. */
    public String text(int f) {
        return isDash(f) ? "" : new String(buf, start(f), length(f), StandardCharsets.UTF_8);
    }

    /** The raw field as written, for reject messages. */
    public String raw(int f) {
        return new String(buf, start(f), length(f), StandardCharsets.UTF_8);
    }

    /** The whole line (without line terminator); allocates, so only for kept samples. */
    public String lineText() {
        int s = bounds[0] + 1;
        return new String(buf, s, bounds[count] - s, StandardCharsets.UTF_8);
    }
}
