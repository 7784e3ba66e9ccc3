package org.iisdiag.evidence.eventlog;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iisdiag.facts.EventTimes;
import org.iisdiag.facts.WcfWebHostEvent;

/**
 * Reads WCF's WebHost events (source "System.ServiceModel 4.0.0.0" or "... 3.0.0.0", category WebHost). Their
 * message table (ServiceModelEvents.dll): 1 "A Webhost unhandled exception occurred. Sender Information: %1
 * Exception: %2 Process Name: %3 Process ID: %4", 2 "A WebHost HTTP exception occurred. Sender Information: %1
 * HtmlErrorMessage: %2 Exception: %3 ...", 3 "WebHost failed to process a request. Sender Information: %1
 * Exception: %2 Process Name: %3 Process ID: %4". Other categories of the same source reuse the low event ids
 * (WS-AT's state machine writes an id 1 too), so the text must say WebHost or the sender be WCF's hosting code.
 */
final class WcfWebHostEvents {
    /** The most characters of an exception kept before its stack trace. */
    static final int MAX_EXCEPTION = 2000;

    private WcfWebHostEvents() {
    }

    static boolean is(RawEvent e) {
        if (!e.provider().startsWith("System.ServiceModel") || e.eventId() < 1 || e.eventId() > 3) {
            return false;
        }
        String t = e.text();
        String head = t.substring(0, Math.min(t.length(), 200)).toLowerCase(Locale.ROOT);
        return head.contains("webhost") || e.data(0).startsWith("System.ServiceModel.");
    }

    // bounded quantifiers only: texts come from outside
    private static final Pattern TYPE = Pattern.compile("^([\\w.`+]{1,200}):[ \\t]?(.*)$", Pattern.DOTALL);
    private static final Pattern SERVICE = Pattern.compile("The service '([^'\\r\\n]{1,400})' cannot be activated");
    private static final Pattern PROCESS_NAME = Pattern.compile("(?m)^[ \\t]*Process Name:");
    private static final Pattern INNER_MARK = Pattern.compile(" ?---> ");

    static WcfWebHostEvent read(RawEvent e, String text) {
        String raw;
        if (e.message() != null && !e.message().isBlank()) {
            raw = EventAggregator.after(text, "Exception", 8 * MAX_EXCEPTION);
            Matcher end = PROCESS_NAME.matcher(raw);
            if (end.find()) {
                raw = raw.substring(0, end.start());
            }
        } else {
            raw = e.data(e.eventId() == 2 ? 2 : 1);
        }
        String exception = beforeStack(raw);
        String type = "";
        String message = exception;
        Matcher t = TYPE.matcher(exception);
        if (t.matches()) {
            type = t.group(1);
            message = t.group(2);
        }
        String innerType = "";
        String innerMessage = message;
        Matcher mark = INNER_MARK.matcher(message);
        if (mark.find()) {
            Matcher inner = TYPE.matcher(message.substring(mark.end()));
            if (inner.matches()) {
                innerType = inner.group(1);
                innerMessage = inner.group(2);
            } else {
                innerMessage = message.substring(mark.end());
            }
        }
        Matcher service = SERVICE.matcher(exception);
        String pid = e.message() != null && !e.message().isBlank() ? EventAggregator.field(text, "Process ID")
                : e.data(e.eventId() == 2 ? 4 : 3);
        return new WcfWebHostEvent(e.provider(), e.eventId(), service.find() ? EventAggregator.cut(service.group(1), 400) : "",
                EventAggregator.cut(type, 200), EventAggregator.cut(exception, MAX_EXCEPTION), EventAggregator.cut(innerType, 200),
                EventAggregator.cut(innerMessage.strip(), EventAggregator.MAX_FIELD), EventAggregator.cut(pid, 20), 0,
                EventTimes.NONE, List.of());
    }

    /** The exception's lines up to its stack trace ("at ..." lines), whitespace folded, at most {@link #MAX_EXCEPTION} chars. */
    static String beforeStack(String raw) {
        StringBuilder b = new StringBuilder();
        for (String line : raw.split("\\r?\\n", 200)) {
            String s = line.strip();
            if (s.startsWith("at ") || s.startsWith("--- End of")) {
                break;
            }
            if (!s.isEmpty()) {
                b.append(b.length() == 0 ? "" : " ").append(s.replaceAll("\\s{2,}", " "));
            }
            if (b.length() >= MAX_EXCEPTION) {
                break;
            }
        }
        return b.length() > MAX_EXCEPTION ? b.substring(0, MAX_EXCEPTION) : b.toString();
    }
}
