package org.iisdiag.classified;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.iisdiag.facts.HarResponse;
import org.iisdiag.facts.RecordEquality;
import org.iisdiag.facts.SiteDefinition;

/**
 * Which site, if any, HTTP.sys would route a host name to: a binding "protocol/ip:port:host" takes a
 * request for its port whose Host header equals its host, or any host when its host part is empty. The
 * host and port of a browser's request come from the HAR (its host, with a non-default port, and the
 * scheme of its URLs).
 */
public final class SiteBindings {
    private SiteBindings() {
    }

    /** Whether some site has a binding on {@code port} that takes requests for {@code host}. */
    public static boolean serves(List<?> sites, String host, int port) {
        return onPort(sites, port).stream().anyMatch(b -> b.host().isEmpty() || b.host().equalsIgnoreCase(host));
    }

    /**
     * Whether some site has a binding that listens on {@code endpoint} ("10.0.0.5:80", "[fe80::1]:443"): on its
     * port, for all unassigned addresses ("*" or empty) or for that address. False for an endpoint that is not
     * "address:port".
     */
    public static boolean listensOn(Collection<?> sites, String endpoint) {
        Endpoint e = Endpoint.parse(endpoint);
        return e != null && all(sites).stream().anyMatch(e::takenBy);
    }

    /** The one site with a binding on the port of {@code endpoint} for another address, or "" when none or several. */
    public static String siteBoundElsewhere(Collection<?> sites, String endpoint) {
        List<String> names = boundElsewhere(sites, endpoint).stream().map(Binding::site).distinct().toList();
        return names.size() == 1 ? names.get(0) : "";
    }

    /** The bindingInformation ("10.0.0.4:80:") of site {@code site}'s first binding on the port of {@code endpoint} for another address, or "". */
    public static String bindingElsewhere(Collection<?> sites, String site, String endpoint) {
        return boundElsewhere(sites, endpoint).stream().filter(b -> b.site().equalsIgnoreCase(site))
                .map(Binding::information).findFirst().orElse("");
    }

    /** {@code binding} ("10.0.0.4:80:intranet") with its address replaced by {@code address}: "10.0.0.9:80:intranet". */
    public static String withAddress(String binding, String address) {
        int end = addressEnd(binding);
        return end < 0 ? binding : address + binding.substring(end);
    }

    /** The address of {@code binding} ("10.0.0.4:80:intranet"): "10.0.0.4". */
    public static String addressOf(String binding) {
        int end = addressEnd(binding);
        return end < 0 ? "" : binding.substring(0, end);
    }

    /**
     * Where the address of a bindingInformation "ip:port:host" ends: the colon before the port. An IPv6 address
     * is in brackets, so port and host are the last two colon-separated parts. -1 for another form.
     */
    private static int addressEnd(String info) {
        int last = info.lastIndexOf(':');
        return last <= 0 ? -1 : info.lastIndexOf(':', last - 1);
    }

    private static List<Binding> boundElsewhere(Collection<?> sites, String endpoint) {
        Endpoint e = Endpoint.parse(endpoint);
        return e == null ? List.of() : all(sites).stream().filter(b -> b.port().equals(e.port()) && !e.takenBy(b)).toList();
    }

    /** The server address and port a request arrived on. */
    private record Endpoint(String ip, String port) {
        static Endpoint parse(String endpoint) {
            int colon = endpoint.lastIndexOf(':');
            return colon <= 0 ? null : new Endpoint(endpoint.substring(0, colon), endpoint.substring(colon + 1));
        }

        /** Whether the binding listens here: on this port, for all unassigned addresses or for this one. */
        boolean takenBy(Binding b) {
            return b.port().equals(port) && (b.ip().isEmpty() || b.ip().equals("*") || b.ip().equalsIgnoreCase(ip));
        }

        @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
        @Override public int hashCode() { return RecordEquality.hash(this); }
    }

    /** The name of the site that has bindings on {@code port} (for a new host name there), or "" when none or several do. */
    public static String siteOnPort(List<?> sites, int port) {
        List<String> names = onPort(sites, port).stream().map(Binding::site).distinct().toList();
        return names.size() == 1 ? names.get(0) : "";
    }

    /** The host names the bindings on {@code port} do take, for the report: "timesheets.contoso.com". */
    public static String hostsOnPort(List<?> sites, int port) {
        return String.join(", ", onPort(sites, port).stream().map(b -> b.host().isEmpty() ? "(any)" : b.host())
                .distinct().toList());
    }

    /** The host name of a HAR response, without a port. */
    public static String host(HarResponse h) {
        return host(h.host());
    }

    /** A HAR host ("api.contoso.com:8443") without its port. */
    public static String host(String host) {
        int colon = host.lastIndexOf(':');
        return colon > 0 && host.indexOf(']') < colon ? host.substring(0, colon) : host;
    }

    /** The port a HAR response was requested on: the host's own port, else 443 for https and 80 otherwise. */
    public static int port(HarResponse h) {
        return port(h.host(), h.exampleUrls());
    }

    /** The port of a HAR host requested with these URLs: its own port, else 443 for https and 80 otherwise. */
    public static int port(String host, List<String> urls) {
        int colon = host.lastIndexOf(':');
        if (colon > 0 && host.indexOf(']') < colon) {
            try {
                return Integer.parseInt(host.substring(colon + 1));
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return "https".equals(protocol(urls)) ? 443 : 80;
    }

    /** "https" when the HAR's URLs for the response are https, else "http". */
    public static String protocol(HarResponse h) {
        return protocol(h.exampleUrls());
    }

    private static String protocol(List<String> urls) {
        return urls.stream().anyMatch(u -> u.toLowerCase(Locale.ROOT).startsWith("https:")) ? "https" : "http";
    }

    /**
     * The site HTTP.sys routes {@code host} on {@code port} to: the one whose binding names the host, else the
     * only one taking any host on that port; null when none (or several) does.
     */
    public static SiteDefinition siteFor(List<?> sites, String host, int port) {
        SiteDefinition anyHost = null;
        int anyHosts = 0;
        String p = String.valueOf(port);
        for (Object o : sites) {
            if (!(o instanceof SiteDefinition s)) {
                continue;
            }
            for (Binding b : all(List.of(s))) {
                if (!b.port().equals(p)) {
                    continue;
                }
                if (b.host().equalsIgnoreCase(host)) {
                    return s;
                }
                if (b.host().isEmpty() && anyHost != s) {
                    anyHost = s;
                    anyHosts++;
                }
            }
        }
        return anyHosts == 1 ? anyHost : null;
    }

    /**
     * The host names the sites' bindings name (a server's own names, which its applications may call it
     * by), sorted without regard to case and comma-separated; "" when no binding names one.
     */
    public static String hostNames(Collection<?> sites) {
        TreeSet<String> out = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Binding b : all(sites)) {
            if (HOST_NAME.matcher(b.host()).matches()) {
                out.add(b.host());
            }
        }
        return String.join(", ", out);
    }

    /** The first of {@link #hostNames}, or "". */
    public static String firstHostName(Collection<?> sites) {
        String all = hostNames(sites);
        int comma = all.indexOf(',');
        return comma < 0 ? all : all.substring(0, comma);
    }

    /**
     * The bindingInformation ("*:443:hr.contoso.com") of the first https binding of the site named {@code site}, or of
     * the only site with https bindings when the name is not known; "" when the case has none.
     */
    public static String httpsBinding(Collection<?> sites, String site) {
        List<String> found = new ArrayList<>();
        for (Object o : sites) {
            if (o instanceof SiteDefinition s && (site.isEmpty() || s.name().equalsIgnoreCase(site))) {
                s.bindings().stream().filter(b -> b.toLowerCase(Locale.ROOT).startsWith("https/")).findFirst()
                        .ifPresent(b -> found.add(b.substring("https/".length())));
            }
        }
        return found.size() == 1 || (!site.isEmpty() && !found.isEmpty()) ? found.get(0) : "";
    }

    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9*][A-Za-z0-9.*-]{0,252}");

    /** A site, the address ("*" for all unassigned), port and host ("" for any host) of one of its bindings. */
    private record Binding(String site, String ip, String port, String host) {
        String information() {
            return ip + ":" + port + ":" + host;
        }

        @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
        @Override public int hashCode() { return RecordEquality.hash(this); }
    }

    /** The bindings of the sites on {@code port}, in site and binding order. */
    private static List<Binding> onPort(List<?> sites, int port) {
        String p = String.valueOf(port);
        return all(sites).stream().filter(b -> b.port().equals(p)).toList();
    }

    /**
     * Every "protocol/ip:port:host" binding of the sites, in site and binding order; other forms are
     * skipped. An IPv6 address is in brackets, so port and host are the last two colon-separated parts.
     */
    private static List<Binding> all(Collection<?> sites) {
        List<Binding> out = new ArrayList<>();
        for (Object o : sites) {
            if (o instanceof SiteDefinition s) {
                for (String b : s.bindings()) {
                    String info = b.substring(b.indexOf('/') + 1);
                    int before = addressEnd(info);
                    int last = info.lastIndexOf(':');
                    if (before >= 0) {
                        out.add(new Binding(s.name(), info.substring(0, before).strip(), info.substring(before + 1, last),
                                info.substring(last + 1).strip()));
                    }
                }
            }
        }
        return out;
    }
}
