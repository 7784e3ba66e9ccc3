package org.iisdiag.daemon;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.file.attribute.UserPrincipal;

import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * Whether the process at the other end of a connection runs as the daemon's user: checked through the
 * socket's peer credentials where the system gives them (Linux, macOS), on top of the socket file opening
 * for its owner only. Where it gives none (Windows), the socket's folder in the user's profile is the guard.
 */
final class PeerCheck {
    private PeerCheck() {
    }

    /** Whether the peer of {@code channel} is the user who owns {@code owner} (the daemon's socket file). */
    static boolean sameUser(SocketChannel channel, UserPrincipal owner) throws IOException {
        if (!channel.supportedOptions().contains(ExtendedSocketOptions.SO_PEERCRED)) {
            return true;
        }
        UnixDomainPrincipal peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
        return peer.user().equals(owner) || peer.user().getName().equals(owner.getName());
    }
}
