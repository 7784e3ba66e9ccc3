package org.iisdiag.conclusions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.iisdiag.facts.IisStatusCount;
import org.iisdiag.facts.UriCount;

/**
 * What the IIS log's Upgrade and Connection header fields say about WebSocket handshakes (see
 * {@link org.iisdiag.facts.WebSocketUpgrades}): who sent the handshakes that lost Connection: Upgrade on the
 * way, to which URLs, and what shows that IIS itself upgrades.
 */
public final class WebSocketHandshakes {
    private WebSocketHandshakes() {
    }

    /** The addresses that sent handshakes without Connection: Upgrade (the front end IIS sees), "a, b". */
    public static String frontEnd(IisStatusCount c) {
        List<String> clients = c.upgrades().clientsWithout().stream().map(UriCount::uri).toList();
        return clients.isEmpty() ? "the front end (the log has no c-ip)" : String.join(", ", clients);
    }

    /**
     * The URLs of the key's handshakes: SignalR 2's connect requests when the key has them, else its top URIs
     * (all of them when every entry of the key is such a handshake).
     */
    public static String urls(IisStatusCount c) {
        List<String> connect = SignalRTransports.connectUris(c.topUris());
        List<String> urls = connect.isEmpty() ? c.topUris().stream().map(UriCount::uri).limit(3).toList() : connect;
        return urls.isEmpty() ? "the WebSocket URLs" : String.join(", ", urls);
    }

    /**
     * What shows that IIS upgrades WebSocket handshakes: {@code upgraded}, IIS log keys with status 101 (handshakes
     * that carried Connection: Upgrade), and {@code modules}, GlobalModules facts that list WebSocketModule; a
     * sentence, which says so when neither does.
     */
    public static String iisFinding(List<?> upgraded, List<?> modules) {
        List<String> parts = new ArrayList<>();
        if (!modules.isEmpty()) {
            parts.add("WebSocketModule is among applicationHost.config's global modules (the WebSocket Protocol feature is installed)");
        }
        long n = 0;
        List<String> clients = new ArrayList<>();
        for (Object o : upgraded) {
            if (o instanceof IisStatusCount c) {
                n += c.upgrades().withConnectionUpgrade();
                clients.add(c.upgrades().clientsWithText());
            }
        }
        if (n > 0) {
            parts.add(String.format(Locale.ROOT, "%,d handshake%s with Connection: Upgrade from %s got 101 Switching Protocols",
                    n, n == 1 ? "" : "s", String.join(", ", clients)));
        }
        return parts.isEmpty()
                ? "Whether IIS upgrades the handshakes that arrive intact the case does not show (no 101 in the IIS log, no"
                        + " module list of applicationHost.config)"
                : "IIS itself upgrades the handshakes that arrive intact: " + String.join("; ", parts);
    }
}
