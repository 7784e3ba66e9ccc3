package org.iisdiag.conclusions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iisdiag.facts.OtherEvent;
import org.iisdiag.facts.SampleLine;

/**
 * KDC event 11 (KDCEVENT_NAME_NOT_UNIQUE) on a domain controller: a service principal name is registered on more
 * than one account, so the KDC issues no ticket for it and clients fall back to NTLM. Domain controllers log many
 * of these for names nobody uses; only a name whose host is one the case's application serves or calls counts.
 */
public final class DuplicateSpns {
    // "The duplicate name is HTTP/hr.contoso.local (of type DS_SERVICE_PRINCIPAL_NAME)"; without a rendered
    // message the sample holds the event data, which starts with the name
    private static final Pattern NAMED = Pattern.compile("(?i)duplicate name is (\\S{3,200}) \\(of type");
    private static final Pattern SPN = Pattern.compile("(?i)\\b([a-z][a-z0-9_-]{1,30}/[a-z0-9][a-z0-9.-]{0,200}(?::[a-z0-9_$-]{1,40})?)");

    private DuplicateSpns() {
    }

    /** Whether the event is a KDC's "duplicate names" event. */
    public static boolean isKdcDuplicate(OtherEvent e) {
        return e.eventId() == 11 && e.provider().matches("(?i)(Microsoft-Windows-)?Kerberos-Key-Distribution-Center|KDC");
    }

    /** The duplicated names of the events (KDC event 11) whose host is one of {@code hosts}, sorted. */
    public static List<String> onHosts(Collection<?> events, Collection<String> hosts) {
        TreeSet<String> out = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Object o : events) {
            if (o instanceof OtherEvent e && isKdcDuplicate(e)) {
                for (SampleLine s : e.samples()) {
                    String spn = name(s.text());
                    if (!spn.isEmpty() && servesHost(spn, hosts)) {
                        out.add(spn);
                    }
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** The events among {@code events} that name one of {@code spns}. */
    public static List<OtherEvent> naming(Collection<?> events, Collection<String> spns) {
        List<OtherEvent> out = new ArrayList<>();
        for (Object o : events) {
            if (o instanceof OtherEvent e && isKdcDuplicate(e)
                    && e.samples().stream().anyMatch(s -> spns.stream().anyMatch(n -> n.equalsIgnoreCase(name(s.text()))))) {
                out.add(e);
            }
        }
        return out;
    }

    static String name(String text) {
        Matcher m = NAMED.matcher(text);
        if (m.find()) {
            return m.group(1);
        }
        Matcher any = SPN.matcher(text);
        return any.find() ? any.group(1) : "";
    }

    /** "HTTP/hr.contoso.local" serves hr.contoso.local and the short name hr, and the reverse. */
    static boolean servesHost(String spn, Collection<String> hosts) {
        String host = spn.substring(spn.indexOf('/') + 1).replaceFirst(":.*$", "").toLowerCase(Locale.ROOT);
        for (String h : hosts) {
            String x = h.strip().toLowerCase(Locale.ROOT);
            if (!x.isEmpty() && (x.equals(host) || shortName(x).equals(host) || x.equals(shortName(host)))) {
                return true;
            }
        }
        return false;
    }

    private static String shortName(String host) {
        int dot = host.indexOf('.');
        return dot < 0 ? host : host.substring(0, dot);
    }
}
