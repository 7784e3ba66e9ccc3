package org.iisdiag.report;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iisdiag.facts.ServerEnvironment;
import org.iisdiag.facts.SiteInfo;

/**
 * Fills catalog placeholders for this server: a rule's parameters first, then what env.yaml says
 * (site names, app pools, server name), then the catalog's globals, then the entry's fallback text.
 */
final class Placeholders {
    private static final Pattern SITE_LABEL = Pattern.compile("(?i)W3SVC(\\d+)");

    private final ServerEnvironment server;
    private final List<SiteInfo> sites;
    private final Map<String, String> globals;

    Placeholders(ServerEnvironment server, List<SiteInfo> sites, Map<String, String> globals) {
        this.server = server;
        this.sites = sites;
        this.globals = globals;
    }

    /**
     * The parameters with what env.yaml can add: an app pool derived from the site, so that "check
     * the pool of W3SVC2" and "check ApiAppPool" are recognised as the same action.
     */
    java.util.TreeMap<String, String> withDerived(Map<String, String> params) {
        java.util.TreeMap<String, String> out = new java.util.TreeMap<>(params);
        // a case about a single site: evidence that names no site (an event, a config file) is about it
        if (!nonEmpty(out.get("site")) && sites.size() == 1) {
            out.put("site", sites.get(0).logLabel());
        }
        if (!nonEmpty(out.get("appPool"))) {
            String pool = appPoolOf(out.get("site"));
            if (pool != null) {
                out.put("appPool", pool);
            }
        }
        return out;
    }

    /** Resolver for action text: site labels become real site names, usable in appcmd commands. */
    Function<String, String> forAction(Map<String, String> params, Map<String, String> fallbacks) {
        return name -> {
            String v = params.get(name);
            if ("site".equals(name) && v != null && !v.isEmpty()) {
                return siteName(v).orElse("<name of site " + v + ">");
            }
            if ("appPool".equals(name) && (v == null || v.isEmpty())) {
                v = appPoolOf(params.get("site"));
            }
            return nonEmpty(v) ? v : fallback(name, fallbacks);
        };
    }

    /** Resolver for finding prose: site labels read "Default Web Site (W3SVC1)" when the name is known. */
    Function<String, String> forProse(Map<String, String> params, Map<String, String> fallbacks) {
        return name -> {
            String v = params.get(name);
            if ("site".equals(name) && nonEmpty(v)) {
                return siteName(v).map(n -> n + " (" + v + ")").orElse(v);
            }
            String value = "appPool".equals(name) && !nonEmpty(v) ? appPoolOf(params.get("site")) : v;
            return nonEmpty(value) ? value : fallback(name, fallbacks);
        };
    }

    private String fallback(String name, Map<String, String> fallbacks) {
        if ("server".equals(name) && !server.serverName().isEmpty()) {
            return server.serverName();
        }
        String g = globals.get(name);
        if (g != null) {
            return g;
        }
        return fallbacks.getOrDefault(name, "<" + name + ">");
    }

    private java.util.Optional<String> siteName(String label) {
        return site(label).map(SiteInfo::name);
    }

    private String appPoolOf(String label) {
        return label == null ? null : site(label).map(SiteInfo::appPool).filter(Placeholders::nonEmpty).orElse(null);
    }

    private java.util.Optional<SiteInfo> site(String label) {
        Matcher m = SITE_LABEL.matcher(label);
        if (!m.matches()) {
            return sites.stream().filter(s -> s.name().equalsIgnoreCase(label)).findFirst();
        }
        int id = Integer.parseInt(m.group(1));
        return sites.stream().filter(s -> s.id() == id).findFirst();
    }

    private static boolean nonEmpty(String v) {
        return v != null && !v.isEmpty();
    }
}
