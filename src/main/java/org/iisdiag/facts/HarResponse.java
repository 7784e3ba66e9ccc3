package org.iisdiag.facts;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Error responses (status &ge; 400, or 0 for no response) of HAR captures, aggregated by (host, status,
 * who answered, Server header). Nothing secret is kept: no cookies, no auth headers, no bodies except
 * the first 200 characters of the text of a small HTML page from HTTP.sys, which names its error
 * ("Bad Request (Header Field Too Long)", "Service Unavailable").
 *
 * @param host          the request's host (with a non-default port), lower case
 * @param status        the HTTP status, 0 when there was no response
 * @param statusText    the first status text seen
 * @param answeredBy    who produced the response
 * @param serverHeader  the Server header as sent, "" when absent
 * @param serverVersion the version of Microsoft-IIS/x.y (or of ARR), "" otherwise
 * @param poweredBy     the first X-Powered-By seen, ""
 * @param error         the browser's network error for status 0 ({@code _error}, e.g. net::ERR_CONNECTION_RESET), ""
 * @param contentType   the first response Content-Type seen, ""
 * @param serverIp      the first serverIPAddress seen, ""
 * @param httpSysBody   text of an HTTP.sys error page (at most 200 characters), ""
 * @param maxWaitMs     the longest time to first byte (timings.wait), -1 when not given
 * @param maxTimeMs     the longest total time, -1 when not given
 * @param firstSeen     startedDateTime in UTC; null when no entry had a readable one
 * @param headers       the sizes of the request headers of these entries (no value is kept), {@link RequestHeaderSizes#NONE}
 *                      when the capture holds none
 * @param invalidHeaderName the first request header name of these entries that is not an HTTP token ({@link HeaderNames}),
 *                      as a report may quote it; "" when every name is one (a browser never sends another)
 * @param protocols     the HTTP versions these entries went over ("HTTP/1.1", "HTTP/2", "HTTP/3"), sorted; empty when
 *                      the capture does not say
 * @param authSchemes   the authentication schemes a 401 challenged with (the first word of each WWW-Authenticate:
 *                      "Negotiate", "NTLM", "Basic"; never a token), sorted; empty otherwise
 */
public record HarResponse(String host, int status, String statusText, AnsweredBy answeredBy, String serverHeader,
                          String serverVersion, String poweredBy, String error, String contentType, String serverIp,
                          long count, Instant firstSeen, Instant lastSeen, List<String> exampleUrls,
                          String httpSysBody, long maxWaitMs, long maxTimeMs,
                          List<SampleLine> samples, RequestHeaderSizes headers, String invalidHeaderName,
                          List<String> protocols, List<String> authSchemes) implements EvidenceFact {

    /** A response whose request headers were not measured. */
    public HarResponse(String host, int status, String statusText, AnsweredBy answeredBy, String serverHeader,
                       String serverVersion, String poweredBy, String error, String contentType, String serverIp,
                       long count, Instant firstSeen, Instant lastSeen, List<String> exampleUrls,
                       String httpSysBody, long maxWaitMs, long maxTimeMs, List<SampleLine> samples) {
        this(host, status, statusText, answeredBy, serverHeader, serverVersion, poweredBy, error, contentType, serverIp,
                count, firstSeen, lastSeen, exampleUrls, httpSysBody, maxWaitMs, maxTimeMs, samples, RequestHeaderSizes.NONE, "", List.of(), List.of());
    }

    public HarResponse {
        headers = headers == null ? RequestHeaderSizes.NONE : headers;
        invalidHeaderName = invalidHeaderName == null ? "" : invalidHeaderName;
        protocols = protocols == null ? List.of() : protocols;
        authSchemes = authSchemes == null ? List.of() : authSchemes;
    }

    /** Whether some of these entries went over HTTP/2. */
    public boolean overHttp2() {
        return protocols.contains("HTTP/2");
    }

    /** Whether the challenge offered Windows authentication (Negotiate or NTLM), which cannot complete over HTTP/2. */
    public boolean windowsChallenge() {
        return authSchemes.stream().anyMatch(a -> a.equalsIgnoreCase("Negotiate") || a.equalsIgnoreCase("NTLM"));
    }

    /** Name (lower case) of the largest request header of these entries, "" when none was measured. */
    public String largestHeader() {
        return headers.largestName();
    }

    /** Bytes of the largest request header (name, ": " and value), 0 when none was measured. */
    public long largestHeaderBytes() {
        return headers.largestBytes();
    }

    /** Bytes of the largest Cookie header sent, 0 when none. */
    public long cookieBytes() {
        return headers.cookieBytes();
    }

    @Override
    public String describe() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%,d x HAR %s", count,
                status == 0 ? "no response" : status + (statusText.isEmpty() ? "" : " " + statusText)));
        if (!error.isEmpty()) {
            b.append(" (").append(error).append(')');
        }
        b.append(" from ").append(host.isEmpty() ? "(no host)" : host).append(", answered by ").append(answeredBy);
        if (!serverHeader.isEmpty()) {
            b.append(" (Server: ").append(serverHeader).append(')');
        }
        if (!httpSysBody.isEmpty()) {
            b.append(", page: \"").append(httpSysBody).append('"');
        }
        if (headers.largestBytes() > 0) {
            b.append(", ").append(headers.describe());
        }
        if (!invalidHeaderName.isEmpty()) {
            b.append(", request header name \"").append(invalidHeaderName).append("\" is not an HTTP token");
        }
        if (!protocols.isEmpty()) {
            b.append(", over ").append(String.join(", ", protocols));
        }
        if (!authSchemes.isEmpty()) {
            b.append(", challenge ").append(String.join(", ", authSchemes));
        }
        if (maxWaitMs >= 0) {
            b.append(", max wait ").append(maxWaitMs).append(" ms");
        }
        if (firstSeen != null) {
            b.append(", ").append(firstSeen).append(" to ").append(lastSeen);
        }
        return b.toString();
    }

    @Override
    public long occurrences() {
        return count;
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
