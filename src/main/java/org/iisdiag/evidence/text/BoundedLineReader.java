package org.iisdiag.evidence.text;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines like {@link java.io.BufferedReader#readLine()} but keeps at most {@code maxChars} of each:
 * the rest of a longer line is read and dropped, never held, so one 600 MB line costs no more memory
 * than a short one. Lines end at LF, CR or CRLF.
 */
public final class BoundedLineReader implements AutoCloseable {
    private final Reader in;
    private final int maxChars;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int lim;
    private boolean skipLf;
    private long truncated;
    private long firstTruncated;
    private long lineNo;

    public BoundedLineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line without its terminator (cut to the limit), or null at the end. */
    public String readLine() throws IOException {
        StringBuilder line = null;
        boolean cut = false;
        while (true) {
            if (pos == lim) {
                lim = in.read(buf, 0, buf.length);
                pos = 0;
                if (lim <= 0) {
                    lim = 0;
                    if (line == null) {
                        return null;
                    }
                    return finish(line, cut);
                }
            }
            if (skipLf) {
                skipLf = false;
                if (buf[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            int start = pos;
            while (pos < lim && buf[pos] != '\n' && buf[pos] != '\r') {
                pos++;
            }
            if (line == null) {
                line = new StringBuilder(Math.min(pos - start + 16, maxChars));
            }
            int room = maxChars - line.length();
            int n = pos - start;
            if (n > room) {
                cut = true;
            }
            line.append(buf, start, Math.min(n, Math.max(room, 0)));
            if (pos < lim) {
                skipLf = buf[pos] == '\r';
                pos++;
                return finish(line, cut);
            }
        }
    }

    private String finish(StringBuilder line, boolean cut) {
        lineNo++;
        if (cut) {
            truncated++;
            if (firstTruncated == 0) {
                firstTruncated = lineNo;
            }
            // a high surrogate whose pair was cut off is dropped too
            if (line.length() > 0 && Character.isHighSurrogate(line.charAt(line.length() - 1))) {
                line.setLength(line.length() - 1);
            }
        }
        return line.toString();
    }

    /** Lines cut to the limit. */
    public long truncatedLines() {
        return truncated;
    }

    /** The number of the first line cut, 0 when none was. */
    public long firstTruncatedLine() {
        return firstTruncated;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
