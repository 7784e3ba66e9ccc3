package org.iisdiag.classified;

import java.util.Collection;
import java.util.Locale;
import java.util.TreeSet;

import org.iisdiag.conclusions.Correlation;
import org.iisdiag.facts.HttpErrCount;
import org.iisdiag.facts.HttpRuntimeConfig;
import org.iisdiag.facts.IisStatusCount;
import org.iisdiag.facts.RequestLimitsConfig;
import org.iisdiag.facts.SiteDefinition;
import org.iisdiag.facts.UriCount;
import org.iisdiag.facts.WcfHostingConfig;
import org.iisdiag.facts.WcfWebHostEvent;

/** Reads WCF services (.svc endpoints) out of log entries and the limits in front of them. */
public final class WcfServices {
    private WcfServices() {
    }

    /**
     * Whether the IIS log entries are requests to services WCF could not activate: every URL of the key is a
     * service some activation failure names ("/app/Orders.svc", also "/app/Orders.svc/op" and "?wsdl"), and
     * the entries were logged while those failures happened.
     */
    public static boolean allActivationFailures(IisStatusCount c, Collection<?> failures) {
        TreeSet<String> services = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        boolean during = false;
        for (Object o : failures) {
            if (o instanceof WcfWebHostEvent w && w.activationFailure() && !w.service().isEmpty()) {
                services.add(w.service());
                // events exported in local time cannot be placed on the IIS log's UTC timeline: they do not contradict it
                during |= w.times().firstUtc() == null
                        || Correlation.overlaps(c.firstSeen(), c.lastSeen(), w.times().firstUtc(), w.times().lastUtc());
            }
        }
        if (!during || c.topUris().isEmpty()) {
            return false;
        }
        for (UriCount u : c.topUris()) {
            if (!services.contains(servicePath(u.uri()))) {
                return false;
            }
        }
        return true;
    }

    /** Whether every URL of the IIS log entries is a WCF service (a .svc path, an operation or ?wsdl of one). */
    public static boolean allServiceCalls(IisStatusCount c) {
        return !c.topUris().isEmpty()
                && c.topUris().stream().allMatch(u -> servicePath(u.uri()).toLowerCase(Locale.ROOT).endsWith(".svc"));
    }

    /** "/app/Orders.svc" of "/app/Orders.svc/op?x=1"; the path itself when it names no .svc. */
    static String servicePath(String uri) {
        int q = uri.indexOf('?');
        String p = q < 0 ? uri : uri.substring(0, q);
        int svc = p.toLowerCase(Locale.ROOT).indexOf(".svc");
        return svc < 0 ? p : p.substring(0, svc + 4);
    }

    /** The services the activation failures name, in order, "" when none. */
    public static String services(Collection<?> failures) {
        TreeSet<String> services = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Object o : failures) {
            if (o instanceof WcfWebHostEvent w && !w.service().isEmpty()) {
                services.add(w.service());
            }
        }
        return String.join(", ", services);
    }

    /** The first service an activation failure names, "" when none. */
    public static String firstService(Collection<?> failures) {
        String all = services(failures);
        int comma = all.indexOf(", ");
        return comma < 0 ? all : all.substring(0, comma);
    }

    /** The source of the first WebHost event ("System.ServiceModel 4.0.0.0"), "" when none. */
    public static String eventSource(Collection<?> failures) {
        return firstEvent(failures).map(WcfWebHostEvent::source).orElse("");
    }

    /** WCF's version from the first WebHost event's source ("4.0.0.0"), "" when none says. */
    public static String wcfVersion(Collection<?> failures) {
        return firstEvent(failures).map(WcfWebHostEvent::wcfVersion).orElse("");
    }

    private static java.util.Optional<WcfWebHostEvent> firstEvent(Collection<?> failures) {
        return failures.stream().filter(WcfWebHostEvent.class::isInstance).map(WcfWebHostEvent.class::cast).findFirst();
    }

    /** Where the exception was read when it is a WebHost event, for prose ("48 x System.ServiceModel 4.0.0.0 event 3"), else "". */
    public static String sourceText(Object source) {
        return source instanceof WcfWebHostEvent w
                ? String.format(Locale.ROOT, "%,d x %s event %d", w.count(), w.source(), w.eventId()) : "";
    }

    /** " (48 in the IIS log)" for the IIS log entries of the failures, "" without any. */
    public static String inIisLog(Collection<?> counts) {
        long n = org.iisdiag.conclusions.StatusCodes.total(counts);
        return n == 0 ? "" : String.format(Locale.ROOT, " (%,d in the IIS log)", n);
    }

    /** The site's bindings of one protocol ("http/*:80:shop.contoso.com" for "http"), in order. */
    public static java.util.List<String> bindingsOf(SiteDefinition site, String scheme) {
        return site.bindings().stream().filter(b -> b.regionMatches(true, 0, scheme + "/", 0, scheme.length() + 1)).toList();
    }

    /** The first host name the site's bindings name, "" when every binding takes any host name. */
    public static String firstHostName(SiteDefinition site) {
        for (String b : site.bindings()) {
            String host = b.substring(b.lastIndexOf(':') + 1).strip();
            if (b.indexOf(':') >= 0 && !host.isEmpty()) {
                return host;
            }
        }
        return "";
    }

    /** The host names of "protocol/ip:port:host" bindings, "(any host name)" for a binding without one. */
    public static String hostNames(Collection<String> bindings) {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (String b : bindings) {
            int colon = b.lastIndexOf(':');
            String host = colon < 0 ? "" : b.substring(colon + 1).strip();
            names.add(host.isEmpty() ? "(any host name)" : host);
        }
        return String.join(", ", names);
    }

    /** What the case's configuration says about several base addresses per scheme, "" when it holds no system.serviceModel. */
    public static String hostingText(Collection<?> hosting) {
        TreeSet<String> parts = new TreeSet<>();
        for (Object o : hosting) {
            if (o instanceof WcfHostingConfig h) {
                parts.add((h.allowsSeveralBindings() ? "The configuration allows several: " : "The configuration allows neither: ")
                        + h.describe() + ".");
            }
        }
        return String.join(" ", parts);
    }

    /** The configuration file of the first serviceHostingEnvironment setting that allows no second base address, "" when none. */
    public static String hostingFile(Collection<?> hosting) {
        for (Object o : hosting) {
            if (o instanceof WcfHostingConfig h && !h.allowsSeveralBindings()) {
                return h.configFile();
            }
        }
        return "";
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
