package org.iisdiag.engine;

import java.util.Arrays;

/**
 * Line numbers of offsets in one source text, from one pass over it. Locating each of a file's hundreds
 * of rules and catalog references by counting newlines from the start cost a pass per reference, on every
 * run (the checks run on a cached rule base too).
 */
final class SourceLines {
    private final int[] newlines;

    SourceLines(String text) {
        int[] at = new int[64];
        int n = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (n == at.length) {
                at = Arrays.copyOf(at, n * 2);
            }
            at[n++] = i;
        }
        newlines = Arrays.copyOf(at, n);
    }

    /** The 1-based line of the character at {@code offset}. */
    int lineOf(int offset) {
        int i = Arrays.binarySearch(newlines, offset);
        // a newline belongs to the line it ends; otherwise the insertion point counts the newlines before
        return (i >= 0 ? i : -i - 1) + 1;
    }
}
