package org.iisdiag.evidence.text;

import java.io.IOException;
import java.io.Reader;

/**
 * Sits between JSON text and the JSON parser and cuts every string to {@code maxChars} characters of
 * its source text, dropping the rest up to the closing quote, so the parser never holds a huge value.
 * An escape ({@code \n}, {@code \u00e9}) is kept or dropped whole and a surrogate pair is never split,
 * so the result is still valid JSON. Line breaks are never dropped (JSON strings cannot hold raw ones).
 */
public final class JsonStringCapReader extends Reader {
    private final Reader in;
    private final int maxChars;
    private final char[] buf = new char[1 << 16];
    private final char[] escape = new char[6];
    /** Filtered text not yet returned: an escape completed by one character writes up to six. */
    private final char[] pending = new char[(1 << 16) + 6];
    private int pendingPos;
    private int pendingLim;
    private int escapeLength;
    private int escapeNeeded;
    private boolean inString;
    private int length;
    private boolean dropping;
    private long truncated;
    private long line = 1;
    private long firstLine;

    public JsonStringCapReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    public long truncatedStrings() {
        return truncated;
    }

    public long firstTruncatedLine() {
        return firstLine;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (pendingPos == pendingLim) {
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                return -1;
            }
            pendingPos = 0;
            pendingLim = 0;
            for (int i = 0; i < n; i++) {
                pendingLim = step(buf[i], pending, pendingLim);
            }
        }
        int n = Math.min(len, pendingLim - pendingPos);
        System.arraycopy(pending, pendingPos, cbuf, off, n);
        pendingPos += n;
        return n;
    }

    /** One character; an escape is written when complete (never more characters than were read). */
    private int step(char c, char[] out, int w) {
        if (c == '\n') {
            line++;
        }
        if (!inString) {
            out[w++] = c;
            if (c == '"') {
                inString = true;
                length = 0;
                dropping = false;
            }
            return w;
        }
        if (escapeNeeded > 0) {
            escape[escapeLength++] = c;
            if (escapeLength == 2 && c == 'u') {
                escapeNeeded = 6;
            }
            if (escapeLength == escapeNeeded || (escapeLength == 2 && c != 'u')) {
                escapeNeeded = 0;
                if (fits(escapeLength)) {
                    System.arraycopy(escape, 0, out, w, escapeLength);
                    w += escapeLength;
                    length += escapeLength;
                } else {
                    cut();
                }
                escapeLength = 0;
            }
            return w;
        }
        if (c == '\\') {
            escape[0] = c;
            escapeLength = 1;
            escapeNeeded = 2;
            return w;
        }
        if (c == '"') {
            inString = false;
            out[w++] = c;
            return w;
        }
        if (fits(Character.isHighSurrogate(c) ? 2 : 1) || c == '\n') {
            out[w++] = c;
            length++;
        } else {
            cut();
        }
        return w;
    }

    private boolean fits(int chars) {
        return !dropping && length + chars <= maxChars;
    }

    private void cut() {
        if (!dropping) {
            dropping = true;
            truncated++;
            if (firstLine == 0) {
                firstLine = line;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
