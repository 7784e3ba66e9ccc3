package org.iisdiag.evidence.eventlog;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * One event as exported, before classification. {@code message} is the rendered text (RenderingInfo or the
 * CSV Message column) or null; {@code data} are the unnamed {@code <Data>} inserts in order and
 * {@code named} the {@code <Data Name="...">} ones. {@code time} is UTC when {@code utc}, else local.
 * {@code computer} is the machine that logged the event (System/Computer, the CSV MachineName), "" when unknown.
 */
record RawEvent(String provider, int eventId, int level, String channel, LocalDateTime time, boolean utc,
                String message, List<String> data, Map<String, String> named, String processId, long line,
                String computer) {

    RawEvent(String provider, int eventId, int level, String channel, LocalDateTime time, boolean utc,
             String message, List<String> data, Map<String, String> named, String processId, long line) {
        this(provider, eventId, level, channel, time, utc, message, data, named, processId, line, "");
    }

    /**
     * The rendered text, else the unnamed inserts joined by newlines (classic sources put it all in %1),
     * else the named inserts as "Name=value" pairs.
     */
    String text() {
        if (message != null && !message.isBlank()) {
            return message;
        }
        if (!data.isEmpty() || named.isEmpty()) {
            return String.join("\n", data);
        }
        StringBuilder b = new StringBuilder();
        named.forEach((k, v) -> {
            if (!k.equals(EventXmlParser.BINARY)) {
                b.append(b.length() == 0 ? "" : " ").append(k).append('=').append(v.strip());
            }
        });
        return b.toString();
    }

    /** Unnamed insert {@code i}, trimmed, or "" when absent. */
    String data(int i) {
        return i < data.size() ? data.get(i).trim() : "";
    }

    /** A named insert looked up case-insensitively among {@code names}, trimmed, or "". */
    String named(String... names) {
        for (Map.Entry<String, String> e : named.entrySet()) {
            for (String n : names) {
                if (e.getKey().equalsIgnoreCase(n)) {
                    return e.getValue().trim();
                }
            }
        }
        return "";
    }
}
