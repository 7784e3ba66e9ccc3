package org.iisdiag.daemon;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** What {@code iisdiag daemon} asks a running daemon, and how the daemon process sets itself up. */
public final class DaemonControl {
    private DaemonControl() {
    }

    /** The daemon's status line, or null when none answers at {@code address}. */
    public static String status(DaemonAddress address) {
        return ask(address, Request.STATUS);
    }

    /** Asks the daemon to stop; its last status line, or null when none answered. */
    public static String stop(DaemonAddress address) {
        return ask(address, Request.STOP);
    }

    private static String ask(DaemonAddress address, String word) {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        return DaemonClient.control(address, word, answer) ? answer.toString(StandardCharsets.UTF_8) : null;
    }

    /**
     * A daemon started from a terminal outlives it: the hang-up signal its closing sends is ignored (where the
     * system has one; the idle timeout and {@code iisdiag daemon stop} end it).
     */
    @SuppressWarnings("restriction")
    public static void ignoreHangUp() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), sun.misc.SignalHandler.SIG_IGN);
        } catch (IllegalArgumentException e) {
            // no SIGHUP here (Windows)
        }
    }
}
