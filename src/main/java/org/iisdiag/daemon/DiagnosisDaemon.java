package org.iisdiag.daemon;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.iisdiag.cli.ExitCodes;
import org.iisdiag.cli.IisDiag;

/**
 * A long-lived iisdiag that keeps the rule pack loaded and its code compiled, and runs the {@code diagnose}
 * commands clients hand it ({@link DaemonClient}) one at a time, as if each had been started in the client's
 * folder: same arguments, same output on the same two streams, same exit code. It listens on a Unix domain
 * socket only its user can open ({@link DaemonAddress}), checks the pack's files on every run
 * ({@link ResidentPack}), and stops after a time without a request, on {@code iisdiag daemon stop}, or after
 * an error that may have left the process unsound (an {@link Error} such as running out of memory).
 */
public final class DiagnosisDaemon {
    private final DaemonAddress address;
    private final Duration idleTimeout;
    private final ResidentPack pack = new ResidentPack();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final long startedAt = System.nanoTime();
    private volatile long lastUse = System.nanoTime();
    private volatile boolean busy;
    private int served;
    private volatile ServerSocketChannel server; // null until bound

    public DiagnosisDaemon(DaemonAddress address, Duration idleTimeout) {
        this.address = address;
        this.idleTimeout = idleTimeout;
    }

    /**
     * Runs {@code runs} (argument lists, output discarded) to load the pack and compile the code paths a
     * diagnosis takes, so that the first client is served warm. A failing run is logged, not fatal: the
     * clients then meet the same problem and are told.
     */
    public void warmUp(List<List<String>> runs, PrintStream log) {
        for (List<String> args : runs) {
            PrintWriter sink = new PrintWriter(java.io.Writer.nullWriter());
            int code = run(args, Path.of("").toAbsolutePath(), false, sink, sink);
            if (code != ExitCodes.OK && code != ExitCodes.NO_USABLE_EVIDENCE) {
                log.println("iisdiag daemon: warm-up run " + args + " ended with exit code " + code);
            }
        }
    }

    /** Binds the socket and serves until stopped or idle for the timeout; removes the socket when done. */
    public void serve(PrintStream log) throws IOException {
        Path socket = address.socket();
        Files.createDirectories(socket.getParent());
        if (DaemonClient.control(address, Request.STATUS, java.io.OutputStream.nullOutputStream())) {
            throw new IOException("a daemon already listens on " + socket);
        }
        Files.deleteIfExists(socket); // left by a daemon that did not stop cleanly
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
            ownerOnly(socket);
            Thread watchdog = new Thread(this::stopWhenIdle, "iisdiag-daemon-idle");
            watchdog.setDaemon(true);
            watchdog.start();
            log.println("iisdiag daemon: listening on " + socket + " (pid " + ProcessHandle.current().pid()
                    + "; stops after " + idleTimeout.toMinutes() + " min without a request)");
            while (!stopping.get()) {
                SocketChannel client;
                try {
                    client = server.accept();
                } catch (ClosedChannelException e) {
                    break; // stopped
                }
                busy = true;
                try (client) {
                    handle(client, log);
                } catch (IOException e) {
                    log.println("iisdiag daemon: a client went away: " + e.getMessage());
                } finally {
                    busy = false;
                    lastUse = System.nanoTime();
                }
            }
        } finally {
            server.close();
            Files.deleteIfExists(socket);
            log.println("iisdiag daemon: stopped after " + served + " run(s)");
        }
    }

    /** Stops serving: the request in progress finishes, no other is taken. */
    public void stop() {
        ServerSocketChannel bound = server;
        if (stopping.compareAndSet(false, true) && bound != null) {
            try {
                bound.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    private void stopWhenIdle() {
        while (!stopping.get()) {
            try {
                Thread.sleep(Math.min(1000, Math.max(10, idleTimeout.toMillis() / 4)));
            } catch (InterruptedException e) {
                return;
            }
            if (!busy && System.nanoTime() - lastUse > idleTimeout.toNanos()) {
                stop();
            }
        }
    }

    private void handle(SocketChannel client, PrintStream log) throws IOException {
        if (!PeerCheck.sameUser(client, Files.getOwner(address.socket()))) {
            log.println("iisdiag daemon: refused a connection from another user");
            return;
        }
        Request request = Request.read(new DataInputStream(new BufferedInputStream(Channels.newInputStream(client))));
        Frames frames = new Frames(Channels.newOutputStream(client));
        if (request.isControl(Request.STATUS) || request.isControl(Request.STOP)) {
            boolean stop = request.isControl(Request.STOP);
            PrintWriter out = writer(frames, Frames.OUT);
            out.println(status(stop));
            out.flush();
            frames.exit(0);
            if (stop) {
                stop();
            }
            return;
        }
        if (stopping.get() || !DaemonClient.serves(request.args())) {
            frames.declined();
            return;
        }
        PrintWriter out = writer(frames, Frames.OUT);
        PrintWriter err = writer(frames, Frames.ERR);
        int code;
        long t0 = System.nanoTime();
        try {
            code = run(request.args(), Path.of(request.workingDir()), request.errIsTerminal(), out, err);
        } catch (Error e) {
            // the process may be unsound (out of memory, a linkage problem): answer, then stop
            err.println("iisdiag: internal error in the daemon: " + e + " (the daemon stops; run again)");
            err.flush();
            log.println("iisdiag daemon: stopping after " + e);
            frames.exit(ExitCodes.INTERNAL_ERROR);
            stop();
            return;
        }
        served++;
        frames.exit(code);
        // one line per run, for whoever wonders where a served run's time goes
        log.printf(java.util.Locale.ROOT, "iisdiag daemon: run %d, exit code %d, %d ms in the daemon%n", served, code,
                (System.nanoTime() - t0) / 1_000_000);
    }

    private int run(List<String> args, Path workingDir, boolean errIsTerminal, PrintWriter out, PrintWriter err) {
        String[] a = args.toArray(String[]::new);
        int code = IisDiag.commandLine(out, err, () -> errIsTerminal, IisDiag.subcommandsFor(a), workingDir, pack)
                .execute(a);
        out.flush();
        err.flush();
        return code;
    }

    private String status(boolean stopping) {
        long up = Duration.ofNanos(System.nanoTime() - startedAt).toSeconds();
        return "iisdiag daemon: " + (stopping ? "stopping, " : "running, ") + "pid " + ProcessHandle.current().pid()
                + ", up " + up + " s, " + served + " run(s) served, " + pack.describe() + "; socket "
                + address.socket() + ", stops after " + idleTimeout.toMinutes() + " min without a request";
    }

    private static PrintWriter writer(Frames frames, byte type) {
        return new PrintWriter(new OutputStreamWriter(frames.stream(type), StandardCharsets.UTF_8), false);
    }

    /** The socket file opens for its owner only, where the file system has POSIX permissions. */
    private static void ownerOnly(Path socket) throws IOException {
        try {
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Windows: the folder's ACL (the user's profile) keeps others out
        }
    }
}
