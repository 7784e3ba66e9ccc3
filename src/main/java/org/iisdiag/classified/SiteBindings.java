package org.iisdiag.classified;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.iisdiag.facts.HarResponse;
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
        for (Object o : sites) {
            if (o instanceof SiteDefinition s) {
                for (String b : s.bindings()) {
                    String[] p = parts(b);
                    if (p != null && p[1].equals(String.valueOf(port)) && (p[2].isEmpty() || p[2].equalsIgnoreCase(host))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The name of the site that has bindings on {@code port} (for a new host name there), or "" when none or several do. */
    public static String siteOnPort(List<?> sites, int port) {
        List<String> names = new ArrayList<>();
        for (Object o : sites) {
            if (o instanceof SiteDefinition s && s.bindings().stream().map(SiteBindings::parts)
                    .anyMatch(p -> p != null && p[1].equals(String.valueOf(port)))) {
                names.add(s.name());
            }
        }
        return names.size() == 1 ? names.get(0) : "";
    }

    /** The host names the bindings on {@code port} do take, for the report: "timesheets.contoso.com". */
    public static String hostsOnPort(List<?> sites, int port) {
        List<String> hosts = new ArrayList<>();
        for (Object o : sites) {
            if (o instanceof SiteDefinition s) {
                for (String b : s.bindings()) {
                    String[] p = parts(b);
                    if (p != null && p[1].equals(String.valueOf(port)) && !hosts.contains(p[2].isEmpty() ? "(any)" : p[2])) {
                        hosts.add(p[2].isEmpty() ? "(any)" : p[2]);
                    }
                }
            }
        }
        return String.join(", ", hosts);
    }

    /** The host name of a HAR response, without a port. */
    public static String host(HarResponse h) {
        String host = h.host();
        int colon = host.lastIndexOf(':');
        return colon > 0 && host.indexOf(']') < colon ? host.substring(0, colon) : host;
    }

    /** The port a HAR response was requested on: the host's own port, else 443 for https and 80 otherwise. */
    public static int port(HarResponse h) {
        String host = h.host();
        int colon = host.lastIndexOf(':');
        if (colon > 0 && host.indexOf(']') < colon) {
            try {
                return Integer.parseInt(host.substring(colon + 1));
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return "https".equals(protocol(h)) ? 443 : 80;
    }

    /** "https" when the HAR's URLs for the response are https, else "http". */
    public static String protocol(HarResponse h) {
        return h.exampleUrls().stream().anyMatch(u -> u.toLowerCase(Locale.ROOT).startsWith("https:")) ? "https" : "http";
    }

    /** {protocol, port, host} of "https/*:443:shop.contoso.com", or null for a binding of another form. */
    private static String[] parts(String binding) {
        int slash = binding.indexOf('/');
        String info = binding.substring(slash + 1);
        int last = info.lastIndexOf(':');
        int before = last <= 0 ? -1 : info.lastIndexOf(':', last - 1);
        if (before < 0) {
            return null;
        }
        return new String[] {slash < 0 ? "" : binding.substring(0, slash), info.substring(before + 1, last), info.substring(last + 1)};
    }
}
