package org.iisdiag.evidence.eventlog;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iisdiag.facts.EventTimes;
import org.iisdiag.facts.HttpPlatformEvent;
import org.iisdiag.facts.HttpPlatformEventKind;

/**
 * Reads the events of the HttpPlatformHandler module (source "HttpPlatformHandler"). Its messages carry one
 * insert: 1000 "Process '0' failed to start. Port = 28844, Error Code = '-2147024894'." (the code is a signed
 * decimal HRESULT), 1001 "Process '4412' started successfully and is listening on port '21853'.", 1003
 * "Maximum rapid fail count per minute of '10' exceeded.", and the warning "Could not create stdoutLogFile
 * ..., ErrorCode = -2147024893.".
 */
final class HttpPlatformEvents {

    private HttpPlatformEvents() {
    }

    static final String PROVIDER = "HttpPlatformHandler";

    static boolean isHttpPlatformHandler(String provider) {
        return PROVIDER.equalsIgnoreCase(provider);
    }

    // bounded quantifiers: find() on a hostile message stays linear
    private static final Pattern PROCESS = Pattern.compile("Process '(\\d{1,10})'");
    private static final Pattern ERROR_CODE = Pattern.compile(
            "Error ?Code\\s{0,5}=\\s{0,5}'?(-?\\d{1,11}|0x[0-9A-Fa-f]{1,8})'?");

    static HttpPlatformEvent parse(RawEvent e, String text) {
        String pid = group(PROCESS, text);
        return new HttpPlatformEvent(e.eventId(), kind(e.eventId(), text), pid, hresult(group(ERROR_CODE, text)),
                pid.equals("0"), 0, EventTimes.NONE, List.of());
    }

    static HttpPlatformEventKind kind(int id, String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.contains("could not create stdoutlogfile")) {
            return HttpPlatformEventKind.STDOUT_LOG_FAILED;
        }
        if (t.contains("started successfully")) {
            return HttpPlatformEventKind.STARTED;
        }
        if (t.contains("rapid fail count")) {
            return HttpPlatformEventKind.RAPID_FAIL;
        }
        if (t.contains("failed to start")) {
            return HttpPlatformEventKind.START_FAILURE;
        }
        return switch (id) {
            case 1000 -> HttpPlatformEventKind.START_FAILURE;
            case 1001 -> HttpPlatformEventKind.STARTED;
            case 1003 -> HttpPlatformEventKind.RAPID_FAIL;
            default -> HttpPlatformEventKind.OTHER;
        };
    }

    /** "-2147024894" or "0x80070002" as "0x80070002"; "" when it is neither. */
    static String hresult(String code) {
        if (code.isEmpty()) {
            return "";
        }
        try {
            long v = code.startsWith("0x") ? Long.parseLong(code.substring(2), 16) : Long.parseLong(code);
            return String.format(Locale.ROOT, "0x%08x", v & 0xFFFFFFFFL);
        } catch (NumberFormatException ex) {
            return "";
        }
    }

    private static String group(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : "";
    }
}
