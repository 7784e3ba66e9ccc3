package org.iisdiag.evidence.text;

import java.util.Arrays;

/**
 * Maps the line numbers of a filtered text (values cut, their line breaks dropped) back to the lines of
 * the file, so that a parser's "line 12" is still the file's line. Only the points where the filter
 * dropped line breaks are stored.
 */
public final class LineMap {
    private long inputLine = 1;
    private long outputLine = 1;
    /** Output lines from which the input is ahead, and by how much (both ascending). */
    private long[] at = new long[16];
    private long[] delta = new long[16];
    private int size;

    /** A line break was read from the file and passed on. */
    public void passed() {
        inputLine++;
        outputLine++;
    }

    /** A line break was read from the file and dropped. */
    public void dropped() {
        inputLine++;
        long d = inputLine - outputLine;
        if (size > 0 && at[size - 1] == outputLine) {
            delta[size - 1] = d;
            return;
        }
        if (size == at.length) {
            at = Arrays.copyOf(at, size * 2);
            delta = Arrays.copyOf(delta, size * 2);
        }
        at[size] = outputLine;
        delta[size] = d;
        size++;
    }

    /** The line of the file being read now. */
    public long currentInputLine() {
        return inputLine;
    }

    /** The file's line for line {@code outputLine} of the filtered text. */
    public long inputLine(long outputLine) {
        int lo = 0;
        int hi = size - 1;
        long d = 0;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (at[mid] <= outputLine) {
                d = delta[mid];
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return outputLine + d;
    }
}
