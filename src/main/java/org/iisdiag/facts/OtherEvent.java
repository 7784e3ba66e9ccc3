package org.iisdiag.facts;

import java.util.List;
import java.util.Locale;

/**
 * Events of an export that no more specific fact covers, counted per (channel, provider, event id) so
 * nothing is silently dropped. {@code level} is the most severe level seen (1 critical, 2 error,
 * 3 warning, 4 information, 0 unknown or LogAlways). Beyond the cap on distinct keys, events are counted
 * under provider "(other)" and id 0.
 */
public record OtherEvent(String channel, String provider, int eventId, int level, long count, EventTimes times,
                         List<SampleLine> samples) implements LoggedEvent {

    @Override
    public String describe() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%,d x %s event %d", count, provider, eventId));
        if (!channel.isEmpty()) {
            b.append(" in ").append(channel);
        }
        String t = times.describe();
        return t.isEmpty() ? b.toString() : b.append(", ").append(t).toString();
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
