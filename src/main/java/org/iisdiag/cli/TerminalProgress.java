package org.iisdiag.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

import org.iisdiag.evidence.ReadProgress;

/**
 * A progress line on standard error while a large case is read: which file, and how many MB of it so
 * far. It redraws one line in place ({@code \r}) at most every {@link #REDRAW_NANOS} and erases it when
 * reading ends, so nothing of it is left on the screen. Only meant for a terminal: the caller decides.
 */
final class TerminalProgress implements ReadProgress {
    /** Cases smaller than this read in a blink: no line at all. */
    static final long LARGE_CASE_BYTES = 8L << 20;
    static final long REDRAW_NANOS = 200_000_000L;
    private static final int MAX_NAME = 40;

    private final PrintWriter err;
    private final LongSupplier nanoTime;
    private boolean active;
    private int files;
    private int index;
    private String name = "";
    private long lastDraw;
    private int drawnLength;

    TerminalProgress(PrintWriter err, LongSupplier nanoTime) {
        this.err = err;
        this.nanoTime = nanoTime;
    }

    /** The progress for a run: a line when standard error is a terminal, nothing otherwise. */
    static ReadProgress forTerminal(PrintWriter err, boolean errIsTerminal) {
        return errIsTerminal ? new TerminalProgress(err, System::nanoTime) : ReadProgress.NONE;
    }

    @Override
    public void start(int fileCount, long storedBytes) {
        active = storedBytes >= LARGE_CASE_BYTES;
        files = fileCount;
    }

    @Override
    public void file(int fileIndex, String fileName) {
        index = fileIndex;
        // keep the line within a terminal's width: a wrapped line cannot be redrawn in place
        name = fileName.length() <= MAX_NAME ? fileName : "..." + fileName.substring(fileName.length() - MAX_NAME + 3);
        draw(0);
    }

    @Override
    public void bytes(long bytes) {
        if (active && nanoTime.getAsLong() - lastDraw >= REDRAW_NANOS) {
            draw(bytes);
        }
    }

    @Override
    public void done() {
        if (active && drawnLength > 0) {
            err.print("\r" + " ".repeat(drawnLength) + "\r");
            err.flush();
            drawnLength = 0;
        }
    }

    private void draw(long bytes) {
        if (!active) {
            return;
        }
        lastDraw = nanoTime.getAsLong();
        String line = String.format(Locale.ROOT, "iisdiag: reading %d/%d %s, %,d MB", index, files, name, bytes >> 20);
        // pad over the rest of a longer previous line
        err.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
        err.flush();
        drawnLength = Math.max(drawnLength, line.length());
    }
}
