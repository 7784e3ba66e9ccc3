package org.iisdiag.evidence;

/**
 * Told how reading a case goes, for a progress line on a terminal. Called from the reading thread;
 * {@link #bytes} is called often (on every read of the underlying stream), so it must be cheap.
 */
public interface ReadProgress {
    /** Tells nothing. */
    ReadProgress NONE = new ReadProgress() {
    };

    /** Reading starts: the number of files to read and their total size as stored. */
    default void start(int files, long storedBytes) {
    }

    /** The {@code index}-th file (from 1) starts. */
    default void file(int index, String name) {
    }

    /** {@code bytes} of the current file (decompressed) have been read so far. */
    default void bytes(long bytes) {
    }

    /** Reading has ended. */
    default void done() {
    }
}
