package org.iisdiag.facts;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * CORS preflights a browser capture (HAR) shows refused: OPTIONS requests carrying Access-Control-Request-Method
 * whose response was not a 2xx (or that got none), aggregated by (host, origin, status, requested method). A
 * browser sends such a preflight, without credentials, before a cross-origin request that is not "simple" (PUT,
 * PATCH, DELETE, a POST of JSON, custom headers) and sends the request only after a 2xx that allows it.
 *
 * @param host             the request's host (with a non-default port), lower case
 * @param origin           the Origin header: the page's origin ("https://app.contoso.com"), "" when absent
 * @param requestedMethod  Access-Control-Request-Method (upper case)
 * @param requestedHeaders Access-Control-Request-Headers, lower case, comma-separated names ("" when none)
 * @param allowOriginSent  the response carried an Access-Control-Allow-Origin header
 * @param authSchemes      the schemes of its WWW-Authenticate headers ("Negotiate, NTLM"), names only
 * @param serverHeader     its Server header, "" when absent
 */
public record CorsPreflight(String host, String origin, String requestedMethod, String requestedHeaders, int status,
                            boolean allowOriginSent, String authSchemes, String serverHeader, long count,
                            Instant firstSeen, Instant lastSeen, List<String> exampleUrls, List<SampleLine> samples)
        implements EvidenceFact {

    /** Whether IIS sent the answer (its Server header, or none, as IIS can be told to drop it). */
    public boolean fromIis() {
        return serverHeader.isEmpty() || serverHeader.toLowerCase(Locale.ROOT).startsWith("microsoft-iis");
    }

    @Override
    public String describe() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%,d x HAR CORS preflight OPTIONS for %s from %s to %s: %s",
                count, requestedMethod.isEmpty() ? "(no method)" : requestedMethod, origin.isEmpty() ? "(no Origin)" : origin,
                host, status == 0 ? "no response" : String.valueOf(status)));
        if (!authSchemes.isEmpty()) {
            b.append(", WWW-Authenticate ").append(authSchemes);
        }
        b.append(allowOriginSent ? ", with" : ", without").append(" Access-Control-Allow-Origin");
        if (!serverHeader.isEmpty()) {
            b.append(" (Server: ").append(serverHeader).append(')');
        }
        return b.append(seenSpan()).toString();
    }

    @Override
    public long occurrences() {
        return count;
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
