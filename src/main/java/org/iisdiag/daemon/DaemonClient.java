package org.iisdiag.daemon;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.iisdiag.cli.ExitCodes;

/**
 * Hands a {@code diagnose} to a running daemon (see {@link DiagnosisDaemon}) and relays its answer, so that
 * a warm run costs a JVM start and a socket instead of loading the pack again. Without a daemon, or for any
 * command it does not serve, the caller runs the command itself: the answer is the same either way.
 */
public final class DaemonClient {
    /** Set (to anything): never hand a command to a daemon. */
    public static final String OFF_VARIABLE = "IISDIAG_NO_DAEMON";
    /**
     * Options that keep a diagnose in-process: another pack (the daemon holds the installation's), no cache,
     * --watch (runs until stopped), help and version (instant anyway), "--" and @argument files (picocli
     * reads those relative to the process's folder).
     */
    private static final Set<String> LOCAL_OPTIONS = Set.of("--rules", "--kb", "--no-cache", "--watch", "-h", "--help",
            "-V", "--version", "--");

    private DaemonClient() {
    }

    /** Whether a daemon may run these arguments. */
    public static boolean serves(List<String> args) {
        if (args.size() < 2 || !args.get(0).equals("diagnose")) {
            return false;
        }
        for (String a : args) {
            String name = a.startsWith("--") && a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (LOCAL_OPTIONS.contains(name) || a.startsWith("@")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs {@code args} on the daemon at {@code address} if one listens there and serves them, writing its
     * standard output and error to {@code out} and {@code err}; returns its exit code, or null when the caller
     * must run the command itself (no daemon, a stale socket, a declined request).
     */
    public static Integer forward(DaemonAddress address, List<String> args, Path workingDir, boolean errIsTerminal,
                                  OutputStream out, OutputStream err) {
        if (!serves(args) || !Files.exists(address.socket())) {
            return null;
        }
        Request request = new Request(workingDir.toAbsolutePath().toString(), errIsTerminal, args);
        if (!request.sendable()) {
            return null;
        }
        boolean[] answered = {false};
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(address.socket()));
            DataOutputStream to = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)));
            request.write(to);
            return Frames.relay(new DataInputStream(Channels.newInputStream(channel)), marking(out, answered),
                    marking(err, answered));
        } catch (UnsupportedOperationException e) {
            return null; // no Unix domain sockets on this system (Windows before 10 1803): no daemon either
        } catch (IOException e) {
            if (!answered[0]) {
                return null; // nothing written yet: the caller runs the command itself
            }
            // part of an answer is out: running again would print it twice
            try {
                err.write(("\niisdiag: the daemon stopped in the middle of this run (" + e.getMessage()
                        + "); run again, or set " + OFF_VARIABLE + "=1 to run without it\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                err.flush();
            } catch (IOException ignored) {
                // standard error is gone too: the exit code still says it
            }
            return ExitCodes.INTERNAL_ERROR;
        }
    }

    private static OutputStream marking(OutputStream to, boolean[] written) {
        return new java.io.FilterOutputStream(to) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                written[0] = true;
                to.write(b, off, len);
            }
        };
    }

    /** Asks the daemon a control word; its answer text goes to {@code out}. False when none answers. */
    static boolean control(DaemonAddress address, String word, OutputStream out) {
        if (!Files.exists(address.socket())) {
            return false;
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(address.socket()));
            DataOutputStream to = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)));
            Request.control(word).write(to);
            Integer code = Frames.relay(new DataInputStream(Channels.newInputStream(channel)), out, OutputStream.nullOutputStream());
            return code != null;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
