package org.iisdiag.evidence.text;

import java.io.IOException;
import java.io.InputStream;

import org.iisdiag.evidence.Limits;
import org.iisdiag.evidence.eventlog.TextDecoding;

/** Walks the lines of a pasted command output (any of the encodings consoles save), each cut to a bounded length. */
public final class TextLines {
    /** What is done with one line, numbered from 1. */
    @FunctionalInterface
    public interface Handler {
        void line(long no, String line) throws IOException;
    }

    private TextLines() {
    }

    /** Hands every line to {@code handler}; returns how many there were. */
    public static long forEach(InputStream in, Handler handler) throws IOException {
        try (BoundedLineReader r = new BoundedLineReader(TextDecoding.reader(in), Limits.LOG_LINE_CHARS)) {
            String line;
            long no = 0;
            while ((line = r.readLine()) != null) {
                handler.line(++no, line);
            }
            return no;
        }
    }
}
