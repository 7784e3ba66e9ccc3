package org.iisdiag.classified;

import java.util.Collection;
import java.util.Locale;
import java.util.TreeSet;

import org.iisdiag.facts.HttpErrCount;
import org.iisdiag.facts.HttpRuntimeConfig;
import org.iisdiag.facts.IisStatusCount;
import org.iisdiag.facts.RequestLimitsConfig;
import org.iisdiag.facts.UriCount;

/** Reads WCF services (.svc endpoints) out of log entries and the limits in front of them. */
public final class WcfServices {
    private WcfServices() {
    }

    /** The .svc paths among the entries' URLs (query dropped; "/Svc.svc/op" kept whole), "" when none. */
    public static String svcPaths(Object fact) {
        java.util.List<UriCount> uris = fact instanceof IisStatusCount c ? c.topUris()
                : fact instanceof HttpErrCount e ? e.topUris() : java.util.List.of();
        TreeSet<String> paths = new TreeSet<>();
        for (UriCount u : uris) {
            String p = u.uri();
            int q = p.indexOf('?');
            p = q < 0 ? p : p.substring(0, q);
            String lower = p.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".svc") || lower.contains(".svc/")) {
                paths.add(p);
            }
        }
        return String.join(", ", paths.stream().limit(5).toList());
    }

    /**
     * What IIS and ASP.NET let through in front of the service, as a sentence ("" when the case has
     * neither limit): request filtering's maxAllowedContentLength and httpRuntime maxRequestLength,
     * compared with the binding's quota.
     */
    public static String limitsText(Collection<?> limits, long quota) {
        TreeSet<String> parts = new TreeSet<>();
        boolean allAbove = true;
        for (Object o : limits) {
            if (o instanceof RequestLimitsConfig r && r.maxAllowedContentLength() >= 0) {
                parts.add(String.format(Locale.ROOT, "request filtering allows %,d bytes (maxAllowedContentLength, %s)",
                        r.maxAllowedContentLength(), r.source()));
                allAbove &= r.maxAllowedContentLength() > quota;
            } else if (o instanceof HttpRuntimeConfig h && h.maxRequestLengthKb() >= 0) {
                parts.add(String.format(Locale.ROOT, "ASP.NET allows %,d KB (httpRuntime maxRequestLength, %s)",
                        h.maxRequestLengthKb(), h.source()));
                allAbove &= h.maxRequestLengthBytes() > quota;
            }
        }
        if (parts.isEmpty()) {
            return "";
        }
        return "In front of the service " + String.join(" and ", parts) + (allAbove
                ? String.format(Locale.ROOT, ": more than the binding's %,d bytes, so they are not what refuses"
                        + " (request filtering would log 404.13 or 413.1).", quota)
                : ": raise these with the quota, or they refuse the larger messages next.");
    }
}
