package org.iisdiag.evidence.har;

import java.util.Locale;

/**
 * What a HAR says about the protocol of an exchange: the HTTP version (browsers write HTTP/2 as "h2",
 * "http/2.0" or "HTTP/2") and the schemes of an authentication challenge, by name only. Windows
 * authentication (Negotiate, NTLM) cannot complete over HTTP/2, so both matter together.
 */
final class HttpVersions {
    /** At most this many versions and challenge schemes are kept per group of responses. */
    static final int MAX_KEPT = 8;

    private HttpVersions() {
    }

    /** "HTTP/2" for "h2", "http/2.0", "HTTP/2"; "HTTP/3" likewise; "HTTP/1.1", "HTTP/1.0"; "" when unknown. */
    static String normalize(String httpVersion) {
        String v = httpVersion == null ? "" : httpVersion.strip().toLowerCase(Locale.ROOT);
        if (v.equals("h2") || v.equals("h2c") || v.startsWith("http/2")) {
            return "HTTP/2";
        }
        if (v.equals("h3") || v.startsWith("h3-") || v.startsWith("http/3")) {
            return "HTTP/3";
        }
        if (v.equals("http/1.1") || v.equals("http/1.0")) {
            return v.toUpperCase(Locale.ROOT);
        }
        return "";
    }

    /** The response's version, else the request's (a failed request often has only the latter). */
    static String of(String responseVersion, String requestVersion) {
        String r = normalize(responseVersion);
        return r.isEmpty() ? normalize(requestVersion) : r;
    }

    /**
     * The scheme of each challenge of a WWW-Authenticate value ("Negotiate", "NTLM", "Basic"): HARs write one
     * header per challenge or several lines in one; the token after a scheme is never kept.
     */
    static java.util.List<String> schemes(String wwwAuthenticate) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String line : wwwAuthenticate.split("[\\r\\n]+")) {
            String v = line.strip();
            int space = v.indexOf(' ');
            String scheme = space < 0 ? v : v.substring(0, space);
            if (scheme.endsWith(",")) {
                scheme = scheme.substring(0, scheme.length() - 1);
            }
            if (!scheme.isEmpty() && scheme.length() <= 20 && scheme.matches("[A-Za-z0-9_-]+")) {
                out.add(scheme);
            }
        }
        return out;
    }
}
