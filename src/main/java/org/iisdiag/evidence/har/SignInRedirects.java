package org.iisdiag.evidence.har;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.iisdiag.facts.SignInRedirect;

/**
 * The redirects of HAR captures to an identity provider's authorization endpoint (see {@link SignInRedirect}):
 * a 3xx whose Location path ends in {@code /authorize} and whose query has {@code redirect_uri}. Only the redirect
 * URI's scheme, host and path are kept.
 */
final class SignInRedirects extends RedirectGroups {
    @Override
    List<String> keyOf(String requestUrl, String location, int status) {
        return key(requestUrl, location);
    }

    /** (host, page scheme, provider host, redirect URI without query), or null when this is no such redirect. */
    static List<String> key(String requestUrl, String location) {
        try {
            URI page = URI.create(requestUrl.strip());
            URI target = URI.create(location.strip());
            if (page.getScheme() == null || page.getHost() == null || target.getHost() == null
                    || target.getRawPath() == null || !target.getRawPath().toLowerCase(Locale.ROOT).endsWith("/authorize")
                    || target.getRawQuery() == null) {
                return null;
            }
            String redirect = null;
            for (String pair : target.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).equals("redirect_uri")) {
                    redirect = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
            if (redirect == null) {
                return null;
            }
            URI back = URI.create(redirect);
            if (back.getScheme() == null || back.getHost() == null) {
                return null;
            }
            String backText = back.getScheme().toLowerCase(Locale.ROOT) + "://" + back.getHost().toLowerCase(Locale.ROOT)
                    + (back.getPort() < 0 ? "" : ":" + back.getPort()) + (back.getRawPath() == null ? "" : back.getRawPath());
            String host = page.getHost().toLowerCase(Locale.ROOT) + (page.getPort() < 0 ? "" : ":" + page.getPort());
            return List.of(host, page.getScheme().toLowerCase(Locale.ROOT), target.getHost().toLowerCase(Locale.ROOT),
                    HarReader.shorten(backText, 300));
        } catch (IllegalArgumentException e) {
            return null; // not a URI: not a redirect this can read
        }
    }

    List<SignInRedirect> facts() {
        List<SignInRedirect> out = new ArrayList<>();
        groups.forEach((k, g) -> out.add(new SignInRedirect(k.get(0), k.get(1), k.get(2), k.get(3), g.count, g.first, g.last,
                List.copyOf(g.samples))));
        out.sort(Comparator.comparingLong(SignInRedirect::count).reversed().thenComparing(SignInRedirect::host)
                .thenComparing(SignInRedirect::redirectUri));
        return out;
    }
}
