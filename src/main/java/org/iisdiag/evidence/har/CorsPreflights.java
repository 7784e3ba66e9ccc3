package org.iisdiag.evidence.har;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.iisdiag.evidence.Redactor;
import org.iisdiag.facts.CorsPreflight;
import org.iisdiag.evidence.Tally;
import org.iisdiag.facts.SampleLine;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The refused CORS preflights of HAR captures: an OPTIONS entry with an Access-Control-Request-Method header whose
 * response is not a 2xx. Only header names and the Origin, the requested method and header names are kept; no
 * credential, cookie or body.
 */
final class CorsPreflights {
    /** Distinct (host, origin, status, method) groups kept; the rest are not recorded. */
    static final int MAX_GROUPS = 200;

    private final Redactor redactor;
    private final Map<List<Object>, Group> groups = new LinkedHashMap<>();

    CorsPreflights(Redactor redactor) {
        this.redactor = redactor;
    }

    /** Whether the entry is a CORS preflight (OPTIONS with Access-Control-Request-Method). */
    static boolean isPreflight(JsonNode request) {
        return "OPTIONS".equalsIgnoreCase(request.path("method").asText("")) && !header(request, "access-control-request-method").isEmpty();
    }

    /** Counts one entry when it is a preflight that got no 2xx. */
    void add(JsonNode request, JsonNode response, int status, String host, String url, Instant started, SampleLine sample) {
        if (!isPreflight(request) || (status >= 200 && status < 300)) {
            return;
        }
        String origin = HarReader.shorten(redactor.redact(header(request, "origin")), 120);
        String method = HarReader.shorten(header(request, "access-control-request-method").toUpperCase(Locale.ROOT), 16);
        List<Object> key = List.of(host, origin, status, method);
        Group g = Tally.groupIn(groups, key, MAX_GROUPS, Group::new);
        if (g == null) {
            return;
        }
        g.seen(started);
        for (String h : header(request, "access-control-request-headers").split(",")) {
            if (!h.isBlank() && g.headers.size() < 20) {
                g.headers.add(HarReader.shorten(h.strip().toLowerCase(Locale.ROOT), 60));
            }
        }
        g.allowOrigin |= !header(response, "access-control-allow-origin").isEmpty();
        for (JsonNode h : response.path("headers")) {
            if (h.path("name").asText("").equalsIgnoreCase("www-authenticate") && g.schemes.size() < 5) {
                String v = h.path("value").asText("").strip();
                int space = v.indexOf(' ');
                String scheme = space < 0 ? v : v.substring(0, space); // the scheme only: never a token
                if (scheme.matches("[A-Za-z0-9_-]{1,20}")) {
                    g.schemes.add(scheme);
                }
            }
        }
        g.server = g.server.isEmpty() ? HarReader.shorten(redactor.redact(header(response, "server")), 100) : g.server;
        g.url(url);
        g.sample(sample);
    }

    List<CorsPreflight> facts() {
        List<CorsPreflight> out = new ArrayList<>();
        groups.forEach((k, g) -> out.add(new CorsPreflight((String) k.get(0), (String) k.get(1), (String) k.get(3),
                String.join(", ", g.headers), (Integer) k.get(2), g.allowOrigin, String.join(", ", g.schemes), g.server,
                g.count, g.first, g.last, List.copyOf(g.urls), List.copyOf(g.samples))));
        out.sort(Comparator.comparingLong(CorsPreflight::count).reversed().thenComparing(CorsPreflight::host)
                .thenComparing(CorsPreflight::origin).thenComparing(CorsPreflight::requestedMethod));
        return out;
    }

    /** The first value of a header (names compare without case, HTTP/2 names are lower case), "" when absent. */
    static String header(JsonNode message, String name) {
        for (JsonNode h : message.path("headers")) {
            if (h.path("name").asText("").equalsIgnoreCase(name)) {
                return h.path("value").asText("").strip();
            }
        }
        return "";
    }

    private static final class Group extends Tally {
        boolean allowOrigin;
        String server = "";
        final TreeSet<String> headers = new TreeSet<>();
        final java.util.LinkedHashSet<String> schemes = new java.util.LinkedHashSet<>();
    }
}
