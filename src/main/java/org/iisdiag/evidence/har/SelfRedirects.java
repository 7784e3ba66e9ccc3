package org.iisdiag.evidence.har;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.iisdiag.facts.SelfRedirect;

/**
 * The redirects of HAR captures whose Location leads back to the URL just asked (see {@link SelfRedirect}): the
 * visible half of a redirect loop, whatever made the server redirect.
 */
final class SelfRedirects extends RedirectGroups {
    @Override
    List<String> keyOf(String requestUrl, String location, int status) {
        List<String> key = key(requestUrl, location);
        return key == null ? null : List.of(key.get(0), key.get(1), String.valueOf(status));
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
        groups.forEach((k, g) -> out.add(new SelfRedirect(k.get(0), k.get(1), Integer.parseInt(k.get(2)), g.count, g.first, g.last,
                List.copyOf(g.samples))));
        out.sort(Comparator.comparingLong(SelfRedirect::count).reversed().thenComparing(SelfRedirect::url));
        return out;
    }
}
