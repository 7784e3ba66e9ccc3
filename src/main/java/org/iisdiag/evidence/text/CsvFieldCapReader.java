package org.iisdiag.evidence.text;

import java.io.IOException;
import java.io.Reader;

/**
 * Sits between CSV text and the CSV parser and keeps the parser's memory bounded: every field is cut to
 * {@code maxFieldChars} characters and every record to {@code maxFields} fields, following RFC 4180 quoting
 * (a quoted field may hold commas, line breaks and doubled quotes) so the records stay intact. A doubled
 * quote is kept or dropped whole, never cut in half. Dropped line breaks are mapped back ({@link #inputLine}).
 */
public final class CsvFieldCapReader extends Reader {
    private enum State { START, UNQUOTED, QUOTED, QUOTED_QUOTE }

    private final Reader in;
    private final int maxFieldChars;
    private final int maxFields;
    private final char[] buf = new char[1 << 16];
    private final LineMap lines = new LineMap();
    private State state = State.START;
    private int fieldChars;
    private int fields;
    private boolean dropRecord;
    private boolean dropping;
    private long truncatedFields;
    private long truncatedRecords;
    private long firstLine;
    /** Filtered text not yet returned: one input character can give two (a held quote and itself). */
    private final char[] pending = new char[2 * (1 << 16) + 2];
    private int pendingPos;
    private int pendingLim;

    public CsvFieldCapReader(Reader in, int maxFieldChars, int maxFields) {
        this.in = in;
        this.maxFieldChars = maxFieldChars;
        this.maxFields = maxFields;
    }

    /** Fields cut to {@code maxFieldChars}. */
    public long truncatedFields() {
        return truncatedFields;
    }

    /** Records whose fields beyond {@code maxFields} were dropped. */
    public long truncatedRecords() {
        return truncatedRecords;
    }

    /** The line of the first cut, 0 when nothing was cut. */
    public long firstTruncatedLine() {
        return firstLine;
    }

    /** The file's line for line {@code parserLine} of the filtered text. */
    public long inputLine(long parserLine) {
        return lines.inputLine(parserLine);
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (pendingPos == pendingLim) {
            pendingPos = 0;
            pendingLim = 0;
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                if (state != State.QUOTED_QUOTE) {
                    return -1;
                }
                state = State.UNQUOTED;
                pending[pendingLim++] = '"';
            }
            for (int i = 0; i < n; i++) {
                pendingLim = step(buf[i], pending, pendingLim);
            }
        }
        int n = Math.min(len, pendingLim - pendingPos);
        System.arraycopy(pending, pendingPos, cbuf, off, n);
        pendingPos += n;
        return n;
    }

    /** Handles one character, writing what is kept at {@code w}; returns the new write position. */
    private int step(char c, char[] out, int w) {
        switch (state) {
            case START, UNQUOTED -> {
                if (c == ',') {
                    w = emit(out, w, c, !dropRecord && fields + 1 < maxFields);
                    if (!dropRecord && ++fields >= maxFields) {
                        dropRecord = true;
                        truncatedRecords++;
                        markCut();
                    }
                    startField(State.START);
                } else if (c == '\n' || c == '\r') {
                    w = emit(out, w, c, true);
                    fields = 0;
                    dropRecord = false;
                    startField(State.START);
                } else if (c == '"' && state == State.START) {
                    w = emit(out, w, c, !dropRecord);
                    state = State.QUOTED;
                } else {
                    state = State.UNQUOTED;
                    w = content(c, out, w);
                }
            }
            case QUOTED -> {
                if (c == '"') {
                    state = State.QUOTED_QUOTE;
                } else {
                    w = content(c, out, w);
                }
            }
            case QUOTED_QUOTE -> {
                if (c == '"') {
                    // a doubled quote: one character of content, two of text, kept or dropped together
                    boolean keep = !dropRecord && !dropping && fieldChars + 1 <= maxFieldChars;
                    if (keep) {
                        fieldChars++;
                        out[w++] = '"';
                        out[w++] = '"';
                    } else {
                        cut();
                    }
                    state = State.QUOTED;
                } else {
                    w = emit(out, w, '"', !dropRecord);
                    state = State.UNQUOTED;
                    w = step(c, out, w);
                }
            }
            default -> throw new IllegalStateException();
        }
        return w;
    }

    private int content(char c, char[] out, int w) {
        boolean keep = !dropRecord && !dropping && fieldChars + 1 <= maxFieldChars
                && !(Character.isHighSurrogate(c) && fieldChars + 2 > maxFieldChars);
        if (keep) {
            fieldChars++;
        } else if (!dropRecord) {
            cut();
        }
        return emit(out, w, c, keep);
    }

    private int emit(char[] out, int w, char c, boolean keep) {
        if (keep) {
            out[w++] = c;
            if (c == '\n') {
                lines.passed();
            }
        } else if (c == '\n') {
            lines.dropped();
        }
        return w;
    }

    private void cut() {
        if (!dropping) {
            dropping = true;
            truncatedFields++;
            markCut();
        }
    }

    private void markCut() {
        if (firstLine == 0) {
            firstLine = lines.currentInputLine();
        }
    }

    private void startField(State next) {
        state = next;
        fieldChars = 0;
        dropping = false;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
