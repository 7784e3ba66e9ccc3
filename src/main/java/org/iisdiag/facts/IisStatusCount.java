package org.iisdiag.facts;

import java.time.Instant;
import java.util.List;

/**
 * IIS log entries aggregated by (server, site, status, substatus, win32): the article's first stop for
 * any 4xx or 5xx. {@code site} is the W3SVC folder or s-sitename ("W3SVC1"), or "" when unknown;
 * {@code server} is s-computername or the folder that names the server when the case holds the logs of
 * several servers, "" for a single-server case. {@code clients} are the client addresses (c-ip) of the
 * entries, most frequent first, kept only for statuses that refuse a client for its address (IP and
 * Domain Restrictions) and for responses the server's side aborted (win32 1236); empty otherwise. {@code methods} are the request methods of verb refusals (404.6, 405),
 * {@code versions} the protocol versions (cs-version: "HTTP/1.1", "HTTP/2") of 401s, most frequent first; both
 * empty for other statuses or when the log lacks the field. {@code longestQuery} is the length of the longest query
 * string (cs-uri-query, as logged) of the keys refused for it (404.15), 0 for other statuses or when the log lacks
 * the field. {@code upgrades} are the WebSocket handshakes among the entries, when the log has custom fields for the
 * Upgrade and Connection request headers ({@link WebSocketUpgrades#NONE} otherwise).
 */
public record IisStatusCount(String server, String site, int status, int substatus, long win32, long count,
                             Instant firstSeen, Instant lastSeen,
                             List<UriCount> topUris, List<SampleLine> samples,
                             TimeTakenRange timeTaken, List<UriCount> clients, List<UriCount> methods,
                             List<UriCount> versions, int longestQuery, WebSocketUpgrades upgrades)
        implements EvidenceFact {

    /** Without the query-string length (kept only for 404.15) and WebSocket handshakes (only with header fields). */
    public IisStatusCount(String server, String site, int status, int substatus, long win32, long count,
                          Instant firstSeen, Instant lastSeen, List<UriCount> topUris, List<SampleLine> samples,
                          TimeTakenRange timeTaken, List<UriCount> clients, List<UriCount> methods,
                          List<UriCount> versions) {
        this(server, site, status, substatus, win32, count, firstSeen, lastSeen, topUris, samples, timeTaken, clients, methods,
                versions, 0, WebSocketUpgrades.NONE);
    }

    /** Without protocol versions (kept only for 401s, when the log has cs-version). */
    public IisStatusCount(String server, String site, int status, int substatus, long win32, long count,
                          Instant firstSeen, Instant lastSeen, List<UriCount> topUris, List<SampleLine> samples,
                          TimeTakenRange timeTaken, List<UriCount> clients, List<UriCount> methods) {
        this(server, site, status, substatus, win32, count, firstSeen, lastSeen, topUris, samples, timeTaken, clients, methods, List.of(), 0, WebSocketUpgrades.NONE);
    }

    /** Without request methods (kept only for the statuses that depend on the method: 404.6, 405, 401). */
    public IisStatusCount(String server, String site, int status, int substatus, long win32, long count,
                          Instant firstSeen, Instant lastSeen, List<UriCount> topUris, List<SampleLine> samples,
                          TimeTakenRange timeTaken, List<UriCount> clients) {
        this(server, site, status, substatus, win32, count, firstSeen, lastSeen, topUris, samples, timeTaken, clients, List.of(), List.of(), 0, WebSocketUpgrades.NONE);
    }

    /** Without client addresses (kept only for the statuses that refuse a client for its address). */
    public IisStatusCount(String server, String site, int status, int substatus, long win32, long count,
                          Instant firstSeen, Instant lastSeen, List<UriCount> topUris, List<SampleLine> samples,
                          TimeTakenRange timeTaken) {
        this(server, site, status, substatus, win32, count, firstSeen, lastSeen, topUris, samples, timeTaken, List.of(), List.of(), List.of(), 0, WebSocketUpgrades.NONE);
    }

    /** "500.19" style code as IIS shows it in the browser. */
    public String code() {
        return status + "." + substatus;
    }

    public int statusClass() {
        return status / 100;
    }

    /** The request methods of this key's entries (cs-method), most frequent first; empty unless the status depends on the method. */
    public List<String> methodNames() {
        return methods.stream().map(UriCount::uri).toList();
    }

    /**
     * How many of this key's entries came over HTTP/2 (cs-version "HTTP/2", "HTTP/2.0"), 0 when the log has no
     * cs-version or the status keeps no versions (only 401s do).
     */
    public long http2() {
        return versions.stream().filter(v -> v.uri().regionMatches(true, 0, "HTTP/2", 0, 6)).mapToLong(UriCount::count).sum();
    }

    /** How many of this key's entries used {@code method} (as the heavy-hitter sketch counted them), 0 when none or not kept. */
    public long methodCount(String method) {
        return methods.stream().filter(m -> m.uri().equalsIgnoreCase(method)).mapToLong(UriCount::count).sum();
    }

    /** The most frequent URI of this key, or "" when none was recorded. */
    public String topUri() {
        return topUris.isEmpty() ? "" : topUris.get(0).uri();
    }

    @Override
    public String describe() {
        String tt = timeTaken.known() ? ", time-taken " + timeTaken.describe() : "";
        String verbs = methods.isEmpty() ? "" : ", methods " + String.join(", ",
                methods.stream().map(m -> m.uri() + " " + m.count()).toList());
        String protocols = versions.isEmpty() ? "" : ", " + String.join(", ",
                versions.stream().map(v -> v.uri() + " " + v.count()).toList());
        String query = longestQuery > 0 ? String.format(java.util.Locale.ROOT, ", query strings up to %,d characters", longestQuery) : "";
        String handshakes = upgrades.handshakes() == 0 ? "" : String.format(java.util.Locale.ROOT,
                ", %,d WebSocket handshake%s (Upgrade: websocket)%s%s", upgrades.handshakes(), upgrades.handshakes() == 1 ? "" : "s",
                upgrades.withoutConnectionUpgrade() == 0 ? "" : String.format(java.util.Locale.ROOT,
                        ", %,d without Connection: Upgrade from %s", upgrades.withoutConnectionUpgrade(), upgrades.clientsWithoutText()),
                upgrades.withConnectionUpgrade() == 0 ? "" : String.format(java.util.Locale.ROOT,
                        ", %,d with Connection: Upgrade from %s", upgrades.withConnectionUpgrade(), upgrades.clientsWithText()));
        return String.format(java.util.Locale.ROOT, "%,d x %d.%d (win32 %d)%s%s in the IIS log, %s to %s%s%s%s%s%s",
                count, status, substatus, win32, site.isEmpty() ? "" : " on " + site,
                server.isEmpty() ? "" : " of server " + server, firstSeen, lastSeen, tt, verbs, protocols, query, handshakes);
    }

    @Override
    public long occurrences() {
        return count;
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
