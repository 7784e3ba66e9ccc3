package org.iisdiag.conclusions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.iisdiag.classified.ErrorStatus;
import org.iisdiag.classified.SiteBindings;
import org.iisdiag.facts.AuthenticationConfig;
import org.iisdiag.facts.CorsPreflight;
import org.iisdiag.facts.IisStatusCount;
import org.iisdiag.facts.SiteDefinition;

/**
 * What the CORS preflight rules pass to their diagnosis: the preflights a browser capture shows refused (origin,
 * requested method and headers, URLs), the OPTIONS requests among the IIS log's 401s, and the authentication
 * methods in force for the site (which one refused them).
 */
public final class Preflights {

    private Preflights() {
    }

    /** Whether the status key behind {@code e} counted OPTIONS requests. */
    public static boolean hasOptions(ErrorStatus e) {
        return e.source() instanceof IisStatusCount c && c.methodCount("OPTIONS") > 0;
    }

    /** The site the preflights' host is bound to (by the sites' bindings), or null when none or several take it. */
    public static SiteDefinition site(Collection<?> sites, String host, Collection<?> preflights) {
        List<String> urls = new ArrayList<>();
        for (Object o : preflights) {
            if (o instanceof CorsPreflight p) {
                urls.addAll(p.exampleUrls());
            }
        }
        return SiteBindings.siteFor(List.copyOf(sites), SiteBindings.host(host), SiteBindings.port(host, urls));
    }

    /** The OPTIONS requests among the entries of these 401 status keys. */
    public static long options(Collection<?> statuses) {
        long n = 0;
        for (Object o : statuses) {
            if (o instanceof ErrorStatus e && e.source() instanceof IisStatusCount c) {
                n += c.methodCount("OPTIONS");
            }
        }
        return n;
    }

    /**
     * Whether {@code method} ("anonymousAuthentication") is on for the levels given (those that apply to the site):
     * "on" or "off" as the last level in IIS's merge order says, "" when no level names it.
     */
    public static String inForce(Collection<?> levels, String method) {
        List<AuthenticationConfig> named = new ArrayList<>();
        for (Object o : levels) {
            if (o instanceof AuthenticationConfig a && a.method().equals(method)) {
                named.add(a);
            }
        }
        named.sort(ConfigLevels.mergeOrder(AuthenticationConfig::level));
        return named.isEmpty() ? "" : named.get(named.size() - 1).enabled() ? "on" : "off";
    }

    /** Name/value pairs for the diagnosis and its action (see the catalog entries' params). */
    public static String[] params(Collection<?> preflights, Collection<?> statuses, Collection<?> auth) {
        Set<String> origins = new LinkedHashSet<>();
        Set<String> methods = new LinkedHashSet<>();
        Set<String> headers = new LinkedHashSet<>();
        Set<String> urls = new LinkedHashSet<>();
        Set<String> schemes = new LinkedHashSet<>();
        long refused = 0;
        boolean allowOrigin = false;
        for (Object o : preflights) {
            if (o instanceof CorsPreflight p) {
                refused += p.count();
                if (!p.origin().isEmpty()) {
                    origins.add(p.origin());
                }
                methods.add(p.requestedMethod());
                for (String h : p.requestedHeaders().split(",\\s*")) {
                    if (!h.isBlank()) {
                        headers.add(h);
                    }
                }
                urls.addAll(p.exampleUrls());
                for (String s : p.authSchemes().split(",\\s*")) {
                    if (!s.isBlank()) {
                        schemes.add(s);
                    }
                }
                allowOrigin |= p.allowOriginSent();
            }
        }
        long count = 0;
        List<String> codes = new ArrayList<>();
        for (Object o : statuses) {
            if (o instanceof ErrorStatus e) {
                count += e.count();
                codes.add(e.code() + " (win32 " + e.win32() + ")");
            }
        }
        String anonymous = inForce(auth, "anonymousAuthentication");
        String windows = inForce(auth, "windowsAuthentication");
        String method = methods.isEmpty() ? "POST" : methods.iterator().next();
        String originText = origins.isEmpty() ? "" : " (" + String.join(", ", origins) + ")";
        String authNote = "off".equals(anonymous)
                ? "anonymous authentication is off for the site" + ("on".equals(windows) ? " and Windows authentication on" : "")
                : "the site requires authentication" + (schemes.isEmpty() ? "" : " (it challenges with " + String.join(", ", schemes) + ")");
        String harNote = refused == 0 ? "" : " The browser capture shows it: " + StatusCodes.thousands(refused) + " preflight(s) "
                + String.join(", ", urls) + " for " + String.join(", ", methods) + (origins.isEmpty() ? "" : " from " + String.join(", ", origins))
                + " answered 401" + (schemes.isEmpty() ? "" : " with WWW-Authenticate " + String.join(", ", schemes))
                + (allowOrigin ? "" : " and no Access-Control-Allow-Origin") + ".";
        long options = options(statuses);
        String logNote = options == 0 ? "" : " The IIS log has " + StatusCodes.thousands(options) + " OPTIONS requests among its "
                + StatusCodes.thousands(count) + " x " + String.join(", ", codes) + ", none of them with a user name.";
        return new String[] {
            "originText", originText, "authNote", authNote, "harNote", harNote, "logNote", logNote,
            "origin", String.join(", ", origins), "firstOrigin", origins.isEmpty() ? "" : origins.iterator().next(),
            "methods", String.join(", ", methods), "method", method, "headers", String.join(", ", headers),
            "preflightUrls", String.join(", ", urls), "firstUrl", urls.isEmpty() ? "" : urls.iterator().next(),
            "refused", refused == 0 ? "" : StatusCodes.thousands(refused), "schemes", String.join(", ", schemes),
            "allowOriginSent", allowOrigin ? "yes" : "no",
            "options", StatusCodes.thousands(options), "count", StatusCodes.thousands(count),
            "statusCodes", String.join(", ", codes), "anonymous", anonymous, "windows", windows,
            "requestHeaders", headers.isEmpty() ? "" : String.join(",", headers),
        };
    }
}
