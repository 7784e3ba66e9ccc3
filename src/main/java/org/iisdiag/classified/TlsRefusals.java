package org.iisdiag.classified;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iisdiag.facts.OtherEvent;
import org.iisdiag.facts.SampleLine;

/**
 * Reads the Schannel events in which the server turned a client's hello down because the two share no TLS
 * version (36888 with fatal alert 70, protocol_version) or no cipher suite (36874). Alert codes are RFC 5246's.
 */
public final class TlsRefusals {
    /** RFC 5246 7.2.2: protocol_version, sent when the client's version is one the server will not speak. */
    static final int PROTOCOL_VERSION = 70;

    private static final Pattern ALERT = Pattern.compile("(?i)fatal (?:error|alert) code is (\\d{1,3})");
    /** 36874's "An TLS 1.0 connection request was received ... none of the cipher suites". */
    private static final Pattern REQUESTED = Pattern.compile("(?i)\\bAn? ((?:TLS|SSL|DTLS) ?\\d\\.\\d) connection request");

    private TlsRefusals() {
    }

    /** Does this Schannel event say the server refused a client it shares no protocol version or cipher suite with? */
    public static boolean refused(OtherEvent e) {
        return e.eventId() == 36874 || e.eventId() == 36888 && alertCodes(e).contains(PROTOCOL_VERSION);
    }

    /** "TLS protocol version", "cipher suite" or both, for the refusals collected. */
    public static String mismatch(List<?> events) {
        boolean version = events.stream().anyMatch(o -> ((OtherEvent) o).eventId() == 36888);
        boolean cipher = events.stream().anyMatch(o -> ((OtherEvent) o).eventId() == 36874);
        return version && cipher ? "TLS protocol version or cipher suite" : version ? "TLS protocol version" : "cipher suite";
    }

    /** The versions 36874 says the clients asked for ("TLS 1.0, TLS 1.1"), or "". */
    public static String requestedVersions(List<?> events) {
        TreeSet<String> found = new TreeSet<>();
        for (Object o : events) {
            for (SampleLine s : ((OtherEvent) o).samples()) {
                Matcher m = REQUESTED.matcher(s.text());
                if (m.find()) {
                    found.add(m.group(1).toUpperCase(Locale.ROOT).replaceAll("(TLS|SSL)(\\d)", "$1 $2"));
                }
            }
        }
        return String.join(", ", found);
    }

    private static TreeSet<Integer> alertCodes(OtherEvent e) {
        TreeSet<Integer> codes = new TreeSet<>();
        for (SampleLine s : e.samples()) {
            Matcher m = ALERT.matcher(s.text());
            if (m.find()) {
                codes.add(Integer.parseInt(m.group(1)));
            }
        }
        return codes;
    }
}
