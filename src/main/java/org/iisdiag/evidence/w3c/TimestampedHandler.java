package org.iisdiag.evidence.w3c;

import java.util.stream.Stream;

/**
 * The part both readers share: a layout must have date, time and the reader's own required fields
 * (the scanner rejects the lines of a layout that lacks one, saying which), and every entry gets its UTC
 * timestamp parsed before the reader sees it.
 */
public abstract class TimestampedHandler implements W3cRecordHandler {
    private final String[] required;
    private int date;
    private int time;

    /** @param required fields this reader needs besides date and time */
    protected TimestampedHandler(String... required) {
        this.required = Stream.concat(Stream.of("date", "time"), Stream.of(required)).toArray(String[]::new);
    }

    @Override
    public final String layout(W3cLayout layout) {
        date = layout.indexOf("date");
        time = layout.indexOf("time");
        columns(layout);
        return layout.firstMissing(required);
    }

    @Override
    public final String record(W3cRecord r) {
        long ts = r.epochSecond(date, time);
        if (ts == W3cRecord.NO_TIME) {
            return r.badTime(date, time);
        }
        return entry(r, ts);
    }

    /** Resolves the reader's own columns for a new layout (-1 when absent). */
    protected abstract void columns(W3cLayout layout);

    /** One entry with a valid timestamp: null when used, else the reject reason. */
    protected abstract String entry(W3cRecord r, long epochSecond);
}
