package org.iisdiag.evidence.w3c;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.iisdiag.evidence.ReadReport;

/**
 * Streams a W3C extended-format log (IIS W3C logs and HTTP.sys HTTPERR logs both use it) and hands
 * each data line, split into fields, to a {@link W3cRecordHandler}.
 *
 * <p>Byte-level on purpose: one reusable buffer, lines are split in place into an offset array in a
 * single pass, nothing is allocated per line or per field. Directives ({@code #Fields} may change
 * mid-file), CRLF or LF, a UTF-8 BOM, blank lines and a last line without newline are handled; a
 * malformed line is rejected into the {@link ReadReport} with its 1-based physical line number and
 * reading goes on. A line longer than {@link #MAX_LINE_BYTES} is skipped and counted without being
 * buffered.
 */
public final class W3cScanner {
    /** IIS caps a log line at 65536 bytes ({@code maxLogLineLength}); anything longer is not a log line. */
    public static final int MAX_LINE_BYTES = 64 * 1024;
    /** More columns than any real layout; longer lines are counted but not split further. */
    static final int MAX_FIELDS = 256;
    private static final int BUFFER_BYTES = 256 * 1024; // > MAX_LINE_BYTES: a kept partial line always leaves room to read
    private static final int MAX_DIRECTIVE_NOTES = 10;

    private final W3cLayout defaultLayout;

    /** @param defaultLayout used, with a note, for data lines that come before any {@code #Fields} */
    public W3cScanner(W3cLayout defaultLayout) {
        this.defaultLayout = defaultLayout;
    }

    public void scan(InputStream in, ReadReport report, W3cRecordHandler handler) throws IOException {
        new Run(report, handler).scan(in);
    }

    /** The state of one scan; the scanner itself is immutable and shareable. */
    private final class Run {
        private final ReadReport report;
        private final W3cRecordHandler handler;
        private final byte[] buf = new byte[BUFFER_BYTES];
        private final W3cRecord rec = new W3cRecord(buf, MAX_FIELDS);
        private final int[] bounds = rec.bounds;
        private W3cLayout layout;
        private int layoutSize = -1;
        private long lineNo;
        private long entries;
        private long bytes;
        private int directiveNotes;

        Run(ReadReport report, W3cRecordHandler handler) {
            this.report = report;
            this.handler = handler;
        }

        void scan(InputStream in) throws IOException {
            try {
                loop(in);
            } finally {
                report.addLines(lineNo);
                report.addEntries(entries);
                report.addBytes(bytes);
            }
            if (bytes == 0) {
                report.note("empty file");
            }
        }

        private void loop(InputStream in) throws IOException {
            int lim = fill(in, 0, 3); // enough to see a BOM
            int pos = lim >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF ? 3 : 0;
            boolean skipping = false; // inside an over-long line, discarding up to its newline
            while (true) {
                if (skipping) {
                    int nl = indexOfNewline(pos, lim);
                    if (nl >= 0) {
                        skipping = false;
                        pos = nl + 1;
                    } else {
                        pos = lim;
                    }
                }
                if (!skipping) {
                    int nl;
                    while ((nl = split(pos, lim)) >= 0) {
                        line(pos, nl);
                        pos = nl + 1;
                    }
                    if (lim - pos > MAX_LINE_BYTES + 1) { // +1: a CR may still belong to a line of exactly the limit
                        lineNo++;
                        tooLong();
                        skipping = true;
                        pos = lim;
                    }
                }
                // keep the unfinished line, read more behind it
                int keep = lim - pos;
                System.arraycopy(buf, pos, buf, 0, keep);
                pos = 0;
                int n = in.read(buf, keep, buf.length - keep);
                if (n < 0) {
                    if (keep > 0 && !skipping) {
                        split(0, keep);
                        line(0, keep); // last line without newline
                    }
                    return;
                }
                bytes += n;
                lim = keep + n;
            }
        }

        private int fill(InputStream in, int lim, int want) throws IOException {
            while (lim < want) {
                int n = in.read(buf, lim, buf.length - lim);
                if (n < 0) {
                    break;
                }
                bytes += n;
                lim += n;
            }
            return lim;
        }

        private int indexOfNewline(int from, int lim) {
            for (int i = from; i < lim; i++) {
                if (buf[i] == '\n') {
                    return i;
                }
            }
            return -1;
        }

        /**
         * One pass over a line: records the position of every space into {@code bounds} and returns
         * the index of the newline, or -1 when the buffer ends first.
         */
        private int split(int from, int lim) {
            final byte[] b = buf;
            final int[] bd = bounds;
            int nf = 0;
            bd[0] = from - 1;
            for (int i = from; i < lim; i++) {
                byte c = b[i];
                if (c == ' ') {
                    if (++nf < MAX_FIELDS) {
                        bd[nf] = i;
                    }
                } else if (c == '\n') {
                    rec.count = nf + 1;
                    return i;
                }
            }
            rec.count = nf + 1;
            return -1;
        }

        /** Handles the line in [start, end) whose spaces {@link #split} has just recorded. */
        private void line(int start, int end) {
            lineNo++;
            if (end > start && buf[end - 1] == '\r') {
                end--;
            }
            if (end - start > MAX_LINE_BYTES) {
                tooLong();
                return;
            }
            if (end == start || isBlank(start, end)) {
                return;
            }
            if (buf[start] == '#') {
                directive(new String(buf, start, end - start, StandardCharsets.UTF_8));
                return;
            }
            int count = rec.count;
            if (count > 1 && count <= MAX_FIELDS && bounds[count - 1] == end - 1) {
                count--; // tolerate one trailing space
            }
            if (layout == null) {
                useLayout(defaultLayout);
                report.note("no #Fields directive before the first data line (line " + lineNo
                        + "): read with " + defaultLayout.origin() + ": " + String.join(" ", defaultLayout.names()));
            }
            if (count != layoutSize) {
                report.reject(lineNo, count + " fields, but " + layout.origin() + " lists " + layoutSize);
                return;
            }
            rec.count = count;
            bounds[count] = end;
            rec.lineNo = lineNo;
            String why = handler.record(rec);
            if (why == null) {
                entries++;
            } else {
                report.reject(lineNo, why);
            }
        }

        private boolean isBlank(int start, int end) {
            for (int i = start; i < end; i++) {
                if (buf[i] != ' ' && buf[i] != '\t' && buf[i] != '\r') {
                    return false;
                }
            }
            return true;
        }

        private void tooLong() {
            report.reject(lineNo, "line longer than " + MAX_LINE_BYTES + " bytes, skipped");
        }

        private void directive(String text) {
            int colon = text.indexOf(':');
            String name = (colon < 0 ? text : text.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
            String value = colon < 0 ? "" : text.substring(colon + 1).trim();
            switch (name) {
                case "#fields" -> {
                    if (value.isEmpty()) {
                        report.reject(lineNo, "empty #Fields directive");
                    } else if (value.split("\\s+").length >= MAX_FIELDS) {
                        report.reject(lineNo, "#Fields lists more than " + (MAX_FIELDS - 1) + " fields");
                    } else {
                        useLayout(W3cLayout.of(value, "the #Fields at line " + lineNo));
                    }
                }
                case "#software", "#version", "#date", "#remark", "#start-date", "#end-date" -> {
                    // informational: the layout is all a reader needs
                }
                default -> {
                    if (directiveNotes++ < MAX_DIRECTIVE_NOTES) {
                        report.note("unknown directive " + name + " ignored");
                    }
                }
            }
        }

        private void useLayout(W3cLayout l) {
            layout = l;
            layoutSize = l.size();
            handler.layout(l);
        }
    }
}
