package org.iisdiag.facts;

import java.time.Instant;
import java.util.List;

/**
 * HTTPERR entries aggregated by (server, reason, status, site id, queue): requests HTTP.sys answered or
 * dropped itself, which never reach the IIS log. {@code status} is 0 when the entry has none ("-"), and
 * {@code siteId}/{@code queue} are "" when not logged; {@code server} is "" in a single-server case.
 * {@code longSegments} counts the entries whose cs-uri path has a segment longer than HTTP.sys's default
 * UrlSegmentMaxLength (260 characters). {@code noRequestLine} counts the entries logged with neither a method
 * nor a URI (HTTP.sys read no request line: the bytes were not HTTP, e.g. a TLS handshake on a plain-HTTP
 * port); {@code topClients} are the client addresses of 400 entries (at most 64, most frequent first,
 * counts approximate once more addresses were seen), empty for other statuses. {@code topEndpoints} are the
 * server addresses and ports ("10.0.0.5:80", s-ip and s-port) the 400 and 404 entries arrived on (at most 16,
 * most frequent first): where HTTP.sys found no site to route a request to.
 */
public record HttpErrCount(String server, String reason, int status, String siteId, String queue, long count,
                           Instant firstSeen, Instant lastSeen,
                           List<UriCount> topUris, List<SampleLine> samples, LongPathSegments longSegments,
                           long noRequestLine, List<UriCount> topClients, List<UriCount> topEndpoints)
        implements EvidenceFact {
    /** A URL longer than this (IIS's default maxUrl) is worth naming: most clients never send one. */
    public static final int LONG_URL = 4096;

    /** Entries without the server addresses they arrived on. */
    public HttpErrCount(String server, String reason, int status, String siteId, String queue, long count,
                        Instant firstSeen, Instant lastSeen, List<UriCount> topUris, List<SampleLine> samples,
                        LongPathSegments longSegments, long noRequestLine, List<UriCount> topClients) {
        this(server, reason, status, siteId, queue, count, firstSeen, lastSeen, topUris, samples, longSegments,
                noRequestLine, topClients, List.of());
    }

    /** Entries without a count of request lines or clients. */
    public HttpErrCount(String server, String reason, int status, String siteId, String queue, long count,
                        Instant firstSeen, Instant lastSeen, List<UriCount> topUris, List<SampleLine> samples,
                        LongPathSegments longSegments) {
        this(server, reason, status, siteId, queue, count, firstSeen, lastSeen, topUris, samples, longSegments, 0, List.of());
    }

    /** Entries without a measure of their path segments. */
    public HttpErrCount(String server, String reason, int status, String siteId, String queue, long count,
                        Instant firstSeen, Instant lastSeen, List<UriCount> topUris, List<SampleLine> samples) {
        this(server, reason, status, siteId, queue, count, firstSeen, lastSeen, topUris, samples, LongPathSegments.NONE, 0, List.of());
    }

    public HttpErrCount {
        longSegments = longSegments == null ? LongPathSegments.NONE : longSegments;
        topClients = topClients == null ? List.of() : topClients;
        topEndpoints = topEndpoints == null ? List.of() : topEndpoints;
    }

    /** The server address and port ("10.0.0.5:80") most of the entries arrived on, or "" when none was kept. */
    public String topEndpoint() {
        return topEndpoints.isEmpty() ? "" : topEndpoints.get(0).uri();
    }

    /** The share of the entries that arrived on {@link #topEndpoint}, 0 when no endpoint was kept. */
    public double topEndpointShare() {
        return topEndpoints.isEmpty() || count == 0 ? 0 : (double) topEndpoints.get(0).count() / count;
    }

    /** How many different client addresses the 400 entries came from (a lower bound past 64). */
    public int distinctClients() {
        return topClients.size();
    }

    /** The share of the entries the busiest client address sent, 0 when no address was kept. */
    public double topClientShare() {
        return topClients.isEmpty() || count == 0 ? 0 : (double) topClients.get(0).count() / count;
    }

    @Override
    public String describe() {
        StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT, "%,d x HTTPERR %s", count, reason));
        if (status != 0) {
            b.append(" (").append(status).append(')');
        }
        if (!queue.isEmpty()) {
            b.append(" queue ").append(queue);
        }
        if (!siteId.isEmpty()) {
            b.append(" site ").append(siteId);
        }
        if (!server.isEmpty()) {
            b.append(" on server ").append(server);
        }
        b.append(", ").append(firstSeen).append(" to ").append(lastSeen);
        if (noRequestLine > 0) {
            b.append(String.format(java.util.Locale.ROOT, "; %,d without a request line (no method, no URI)", noRequestLine));
        }
        if (!topClients.isEmpty()) {
            b.append(String.format(java.util.Locale.ROOT, "; from %s%d client addresses", topClients.size() >= 64 ? "over " : "",
                    topClients.size()));
        }
        if (!topEndpoints.isEmpty()) {
            b.append("; arrived on ").append(topEndpoint());
            if (topEndpoints.size() > 1) {
                b.append(String.format(java.util.Locale.ROOT, " and %d other address%s", topEndpoints.size() - 1,
                        topEndpoints.size() > 2 ? "es" : ""));
            }
        }
        if (longSegments.any()) {
            b.append(String.format(java.util.Locale.ROOT, "; %,d with a path segment over 260 characters (longest %d, e.g. %s)",
                    longSegments.entries(), longSegments.longest(), longSegments.example()));
        }
        if (longSegments.longestUrl() > LONG_URL) {
            b.append(String.format(java.util.Locale.ROOT, "; longest URL %,d characters", longSegments.longestUrl()));
        }
        return b.toString();
    }

    /** The most frequent URI (path and query as HTTP.sys logged it), or "" when none was recorded. */
    public String topUri() {
        return topUris.isEmpty() ? "" : topUris.get(0).uri();
    }

    @Override
    public long occurrences() {
        return count;
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
