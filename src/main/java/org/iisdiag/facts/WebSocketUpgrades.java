package org.iisdiag.facts;

import java.util.List;

/**
 * The WebSocket handshakes among the entries of one IIS log key, read from custom log fields that log the
 * {@code Upgrade} and {@code Connection} request headers (IIS 8.5+ {@code <customFields>}, named by their
 * logFieldName, e.g. {@code Upgrade} or {@code cs(Upgrade)}). A handshake is an entry whose Upgrade header is
 * {@code websocket}; a client always sends it with {@code Connection: Upgrade}, and only then does IIS's
 * WebSocketModule upgrade the request (101). A handshake that reached IIS without the upgrade token in its
 * Connection header lost it on the way: Connection and Upgrade are hop-by-hop headers that a proxy, load balancer
 * or WAF must forward on purpose.
 *
 * @param handshakes                entries with {@code Upgrade: websocket}
 * @param withoutConnectionUpgrade  of those, the ones whose Connection header lacked {@code upgrade} ("-" included)
 * @param clientsWithout            the client addresses (c-ip) of the latter, most frequent first
 * @param clientsWith               the client addresses of the handshakes that carried {@code Connection: Upgrade}
 */
public record WebSocketUpgrades(long handshakes, long withoutConnectionUpgrade, List<UriCount> clientsWithout,
                                List<UriCount> clientsWith) {

    /** No Upgrade/Connection fields logged, or no handshake among the entries. */
    public static final WebSocketUpgrades NONE = new WebSocketUpgrades(0, 0, List.of(), List.of());

    public WebSocketUpgrades {
        clientsWithout = List.copyOf(clientsWithout);
        clientsWith = List.copyOf(clientsWith);
    }

    /** Handshakes that arrived with {@code Connection: Upgrade}. */
    public long withConnectionUpgrade() {
        return handshakes - withoutConnectionUpgrade;
    }

    /** The client addresses of the handshakes without the upgrade token, "10.0.0.1 (3), 10.0.0.2 (1)". */
    public String clientsWithoutText() {
        return text(clientsWithout);
    }

    /** The client addresses of the handshakes with {@code Connection: Upgrade}. */
    public String clientsWithText() {
        return text(clientsWith);
    }

    private static String text(List<UriCount> clients) {
        return String.join(", ", clients.stream().map(c -> c.uri() + " (" + c.count() + ")").toList());
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
