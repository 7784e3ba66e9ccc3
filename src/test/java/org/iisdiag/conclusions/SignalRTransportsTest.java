package org.iisdiag.conclusions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.iisdiag.facts.UriCount;
import org.junit.jupiter.api.Test;

class SignalRTransportsTest {
    @Test
    void connectAndReconnectAreSignalRsTransportRequestsWhereverTheAppLives() {
        List<UriCount> uris = List.of(new UriCount("/chat/signalr/connect", 7, 0), new UriCount("/signalr/negotiate", 5, 0),
                new UriCount("/SignalR/Reconnect?transport=webSockets", 2, 0), new UriCount("/connect", 1, 0),
                new UriCount("/signalr/connect/extra", 1, 0));

        assertThat(SignalRTransports.connectUris(uris))
                .containsExactly("/chat/signalr/connect", "/SignalR/Reconnect?transport=webSockets");
    }
}
