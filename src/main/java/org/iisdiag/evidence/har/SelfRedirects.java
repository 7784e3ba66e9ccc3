package org.iisdiag.evidence.har;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

import org.iisdiag.evidence.Tally;
import org.iisdiag.facts.SampleLine;
import org.iisdiag.facts.SelfRedirect;

/**
 * The redirects of HAR captures whose Location leads back to the URL just asked (see {@link SelfRedirect}): the
 * visible half of a redirect loop, whatever made the server redirect.
 */
final class SelfRedirects {
    /** Distinct URLs kept; the rest are not recorded. */
    static final int MAX_GROUPS = 50;

    private final Map<List<String>, Tally> groups = new LinkedHashMap<>();
    private final Map<List<String>, Integer> statuses = new LinkedHashMap<>();

    /** Counts one 3xx entry when its Location resolves to the request's own URL. */
    void add(JsonNode request, JsonNode response, int status, Instant started, SampleLine sample) {
        String location = CorsPreflights.header(response, "location");
        if (location.isEmpty()) {
            location = response.path("redirectURL").asText("");
        }
        List<String> key = key(request.path("url").asText(""), location);
        if (key == null) {
            return;
        }
        Tally g = Tally.groupIn(groups, key, MAX_GROUPS, Tally::new);
        if (g == null) {
            return;
        }
        statuses.putIfAbsent(key, status);
        g.seen(started);
        g.sample(sample);
    }

    /** (URL without query, scheme), or null when the Location leads elsewhere or either is no URI. */
    static List<String> key(String requestUrl, String location) {
        try {
            URI page = URI.create(requestUrl.strip());
            if (page.getScheme() == null || page.getHost() == null || location.isBlank()) {
                return null;
            }
            URI target = page.resolve(location.strip());
            String here = plain(page);
            return here.equals(plain(target)) && Objects.equals(target.getRawQuery(), page.getRawQuery())
                    ? List.of(HarReader.shorten(here, 300), page.getScheme().toLowerCase(Locale.ROOT)) : null;
        } catch (IllegalArgumentException e) {
            return null; // not a URI: not a redirect this can read
        }
    }

    /** Scheme, host, non-default port and path, as a browser compares them. */
    private static String plain(URI u) {
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        int port = u.getPort();
        boolean defaultPort = port < 0 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        return scheme + "://" + String.valueOf(u.getHost()).toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path;
    }

    List<SelfRedirect> facts() {
        List<SelfRedirect> out = new ArrayList<>();
        groups.forEach((k, g) -> out.add(new SelfRedirect(k.get(0), k.get(1), statuses.get(k), g.count, g.first, g.last,
                List.copyOf(g.samples))));
        out.sort(Comparator.comparingLong(SelfRedirect::count).reversed().thenComparing(SelfRedirect::url));
        return out;
    }
}
