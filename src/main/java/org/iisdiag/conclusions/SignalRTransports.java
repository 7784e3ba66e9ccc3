package org.iisdiag.conclusions;

import java.util.List;
import java.util.Locale;

import org.iisdiag.facts.UriCount;

/**
 * ASP.NET SignalR 2's transport endpoints. A client opens its connection with {@code /signalr/connect}
 * (again with {@code /signalr/reconnect}), WebSockets first; when the request cannot be upgraded the server
 * answers it 400 ("Not a valid websocket request") and the client falls back to server-sent events or long
 * polling, on the same path with another transport.
 */
public final class SignalRTransports {
    private SignalRTransports() {
    }

    /** The URIs among {@code uris} that are SignalR connect or reconnect requests, most frequent first. */
    public static List<String> connectUris(List<UriCount> uris) {
        return uris.stream().map(UriCount::uri).filter(SignalRTransports::isConnect).toList();
    }

    static boolean isConnect(String uri) {
        String path = uri.toLowerCase(Locale.ROOT);
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        return path.endsWith("/signalr/connect") || path.endsWith("/signalr/reconnect");
    }
}
