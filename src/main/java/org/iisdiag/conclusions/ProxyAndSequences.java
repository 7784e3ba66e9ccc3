package org.iisdiag.conclusions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.iisdiag.facts.DenyUrlSequencesConfig;
import org.iisdiag.facts.GlobalModules;
import org.iisdiag.facts.ProxyConfig;
import org.iisdiag.facts.UriCount;

/**
 * What rules need from the configuration to explain two request refusals: a URL Rewrite rule that proxies to
 * another server while Application Request Routing cannot (404.4), and the denied URL sequence that the
 * refused URLs contain (404.5).
 */
public final class ProxyAndSequences {

    private ProxyAndSequences() {
    }

    /**
     * Why ARR cannot proxy on this server, from applicationHost.config's globalModules and proxy section:
     * "not-installed" (no ApplicationRequestRouting module), "disabled" (the module is there and the proxy
     * section is off or absent, ARR's default), or "" (the case cannot tell, or the proxy is on).
     */
    public static String arrBlocker(Collection<?> proxies, Collection<?> modules) {
        GlobalModules g = modules.stream().filter(GlobalModules.class::isInstance).map(GlobalModules.class::cast)
                .findFirst().orElse(null);
        if (g == null) {
            return "";
        }
        if (!g.has("ApplicationRequestRouting")) {
            return "not-installed";
        }
        boolean on = proxies.stream().filter(ProxyConfig.class::isInstance).map(ProxyConfig.class::cast)
                .anyMatch(ProxyConfig::enabled);
        return on ? "" : "disabled";
    }

    /** The sentence the diagnosis gives for {@link #arrBlocker}. */
    public static String arrBlockerText(String blocker, Collection<?> proxies) {
        if (blocker.equals("not-installed")) {
            return "Application Request Routing is not installed on this server (no ApplicationRequestRouting module in"
                    + " applicationHost.config's globalModules), so nothing can proxy the request.";
        }
        String where = proxies.stream().filter(ProxyConfig.class::isInstance).map(ProxyConfig.class::cast)
                .map(p -> " (" + p.source() + ")").findFirst().orElse(" (no <proxy> section: ARR's default is off)");
        return "Application Request Routing is installed but its proxy is disabled: system.webServer/proxy enabled=\"false\""
                + where + ", so ARR routes nothing and no handler takes the rewritten URL.";
    }

    private static List<DenyUrlSequencesConfig> levels(Collection<?> levels) {
        List<DenyUrlSequencesConfig> out = new ArrayList<>();
        for (Object o : levels) {
            if (o instanceof DenyUrlSequencesConfig d) {
                out.add(d);
            }
        }
        // applicationHost.config's own level first, then locations and web.config files: later levels win
        out.sort(Comparator.comparing((DenyUrlSequencesConfig d) -> !d.configFile().toLowerCase(Locale.ROOT)
                        .endsWith("applicationhost.config") || !d.locationPath().isEmpty())
                .thenComparing(DenyUrlSequencesConfig::source));
        return out;
    }

    /**
     * The denied sequence in force (added by a level that applies and not removed or cleared by a later one)
     * that the most refused URLs contain, or "".
     */
    public static String deniedSequence(Collection<?> levels, List<UriCount> uris) {
        List<String> inForce = new ArrayList<>();
        for (DenyUrlSequencesConfig d : levels(levels)) {
            if (d.cleared()) {
                inForce.clear();
            }
            inForce.removeAll(d.removed());
            for (String s : d.added()) {
                if (!inForce.contains(s)) {
                    inForce.add(s);
                }
            }
        }
        String best = "";
        long bestCount = 0;
        for (String s : inForce) {
            long n = 0;
            for (UriCount u : uris) {
                if (u.uri().toLowerCase(Locale.ROOT).contains(s.toLowerCase(Locale.ROOT))) {
                    n += u.count();
                }
            }
            if (n > bestCount) {
                best = s;
                bestCount = n;
            }
        }
        return best;
    }

    /** "file:line" of the level that adds the sequence (the last one that does), or "". */
    public static String sequenceSource(Collection<?> levels, String sequence) {
        String src = "";
        for (DenyUrlSequencesConfig d : levels(levels)) {
            if (d.added().contains(sequence)) {
                src = d.source();
            }
        }
        return src;
    }

    /** The refused URLs that contain the sequence, most refused first, as a list for the report. */
    public static String urlsWith(List<UriCount> uris, String sequence) {
        List<UriCount> with = uris.stream()
                .filter(u -> u.uri().toLowerCase(Locale.ROOT).contains(sequence.toLowerCase(Locale.ROOT))).toList();
        return StatusCodes.paths(with);
    }
}
