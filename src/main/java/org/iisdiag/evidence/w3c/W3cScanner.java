package org.iisdiag.evidence.w3c;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses one block of a W3C extended-format log (IIS W3C logs and HTTP.sys HTTPERR logs both use it):
 * whole lines in memory, split into fields and handed to a {@link W3cRecordHandler}. A file is read as
 * a sequence of such blocks (see {@link LogIngest}), possibly in parallel, so everything a block finds
 * that depends on what came before it (line numbers, the {@code #Fields} in force) is kept relative
 * and placed in the file when the blocks are joined in order.
 *
 * <p>Byte-level on purpose: lines are split in place into an offset array in a single pass, nothing is
 * allocated per line or per field. Directives ({@code #Fields} may change mid-file), CRLF or LF, a
 * UTF-8 BOM, blank lines and a last line without newline are handled; a malformed line is rejected
 * with its line number and reading goes on.
 *
 * <p>A line that no {@code #Fields} describes (none in force, or another field count) is matched by its
 * shape against the {@link LogLayouts known layouts} of the log kind with its field count, in catalog
 * order: the first is tried as is, the others only when the line's fields have their types. That choice
 * depends on the line alone, so it is the same however the file is cut into blocks.
 */
public final class W3cScanner {
    /** IIS caps a log line at 65536 bytes ({@code maxLogLineLength}); anything longer is not a log line. */
    public static final int MAX_LINE_BYTES = 64 * 1024;
    /** More columns than any real layout; longer lines are counted but not split further. */
    static final int MAX_FIELDS = 256;
    static final int MAX_DIRECTIVE_NOTES = 10;

    /** A rejected line: {@code reason}, then the origin of {@code layout} (when not null) and {@code tail}. */
    record Problem(long line, String reason, W3cLayout layout, String tail) {
    }

    private final byte[] buf;
    private final W3cRecord rec;
    private final int[] bounds;
    private final W3cRecordHandler handler;
    private final LogKind kind;
    private KnownLayout[][] shapes; // by field count, made on the first line that needs them
    private final boolean firstBlock;
    private final W3cLayout inherited;
    private final LogLayouts catalog;

    private W3cLayout layout;           // the #Fields in force, or null
    private int layoutSize = -1;        // its field count, or -1: asked once per line, kept out of a List call
    private W3cLayout handlerLayout;    // what the handler was last given
    private String missing;             // a required field handlerLayout lacks
    long lines;
    long entries;
    long rejected;
    final List<Problem> problems = new ArrayList<>();
    final List<String> directiveNotes = new ArrayList<>();
    /** The last #Fields of the block (fieldsLine relative to the block), or null when it has none. */
    W3cLayout lastFields;
    /**
     * Per known layout (index into {@link LogLayouts#all()}): lines read with it, and the first (relative)
     * line; empty while no line needed the catalog.
     */
    long[] shapeCounts = new long[0];
    long[] shapeFirst = new long[0];

    /**
     * @param inherited the #Fields in force where the block starts (null: none), whose origin the joining
     *                  step fills in
     */
    W3cScanner(byte[] buf, boolean firstBlock, W3cLayout inherited, W3cRecordHandler handler, LogLayouts catalog,
               LogKind kind) {
        this.buf = buf;
        this.rec = new W3cRecord(buf, MAX_FIELDS);
        this.bounds = rec.bounds;
        this.handler = handler;
        this.firstBlock = firstBlock;
        this.inherited = inherited;
        inForce(inherited);
        this.catalog = catalog;
        this.kind = kind;
    }

    W3cLayout inherited() {
        return inherited;
    }

    /** Parses the lines in [from, to); the last may lack its newline. */
    W3cScanner scan(int from, int to) {
        int pos = from;
        if (firstBlock && to - from >= 3 && (buf[from] & 0xFF) == 0xEF && (buf[from + 1] & 0xFF) == 0xBB
                && (buf[from + 2] & 0xFF) == 0xBF) {
            pos += 3;
        }
        while (pos < to) {
            int nl = split(pos, to);
            line(pos, nl < 0 ? to : nl);
            pos = nl < 0 ? to : nl + 1;
        }
        return this;
    }

    /** A block that is one line longer than a whole block: counted and rejected unread. */
    W3cScanner overLongLine() {
        lines++;
        tooLong();
        return this;
    }

    /**
     * One pass over a line: records the position of every space into {@code bounds} and returns the
     * index of the newline, or -1 when the block ends first. Eight bytes at a time (SWAR): a word with
     * neither a space nor a newline, most of a URI or a user agent, costs a few instructions.
     */
    private int split(int from, int lim) {
        final byte[] b = buf;
        final int[] bd = bounds;
        int nf = 0;
        bd[0] = from - 1;
        int i = from;
        for (; i + 8 <= lim; i += 8) {
            long w = (long) LONGS.get(b, i);
            if (((w - BELOW_33) & ~w & HIGH) == 0) {
                continue; // no byte below '!': no space and no newline (most words of a URI or user agent)
            }
            long spaces = zeroBytes(w ^ SPACES);
            long newline = zeroBytes(w ^ NEWLINES);
            if (newline != 0) {
                spaces &= (newline & -newline) - 1; // only the spaces before the newline
                while (spaces != 0) {
                    if (++nf < MAX_FIELDS) {
                        bd[nf] = i + lowestByte(spaces);
                    }
                    spaces &= spaces - 1;
                }
                rec.count = nf + 1;
                return i + lowestByte(newline);
            }
            while (spaces != 0) {
                if (++nf < MAX_FIELDS) {
                    bd[nf] = i + lowestByte(spaces);
                }
                spaces &= spaces - 1;
            }
        }
        for (; i < lim; i++) {
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

    /**
     * Index of the lowest byte flagged in a {@link #zeroBytes} mask. Not {@code Long.numberOfTrailingZeros}:
     * the client compiler the launchers use has no intrinsic for it and calls a 20-step method, which was
     * a third of all reading time; isolating the lowest flag (a power of 256 times 128) and multiplying
     * puts the byte index in the top byte.
     */
    private static int lowestByte(long flags) {
        return (int) ((((flags & -flags) >>> 7) * 0x0001020304050607L) >>> 56);
    }

    /** Eight bytes of a buffer as one little-endian long (the record's date cache reads with it too). */
    static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long SPACES = 0x2020202020202020L;
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long BELOW_33 = 0x2121212121212121L;
    private static final long HIGH = 0x8080808080808080L;

    /** The high bit of every byte of {@code v} that is zero, and no other bit (exact, unlike the borrow trick). */
    private static long zeroBytes(long v) {
        return ~(((v & LOW7) + LOW7) | v | LOW7);
    }

    /** Handles the line in [start, end) whose spaces {@link #split} has just recorded. */
    private void line(int start, int end) {
        lines++;
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
        if (count >= MAX_FIELDS) {
            reject(count + " fields, more than any log layout", null, "");
            return;
        }
        rec.count = count;
        bounds[count] = end;
        rec.lineNo = lines;
        if (count == layoutSize) {
            String why = offer(layout);
            if (why != null) {
                reject(why, missing != null ? layout : null, "");
            }
            return;
        }
        byShape(count);
    }

    private void inForce(W3cLayout l) {
        layout = l;
        layoutSize = l == null ? -1 : l.size();
    }

    /** Hands the line to the handler under {@code l}: null when it was used, else why not. */
    private String offer(W3cLayout l) {
        if (l != handlerLayout) {
            handlerLayout = l;
            missing = handler.layout(l);
        }
        if (missing != null) {
            return "no " + missing + " field in ";
        }
        String why = handler.record(rec);
        if (why == null) {
            entries++;
        }
        return why;
    }

    private void byShape(int count) {
        if (shapes == null) {
            shapes = new KnownLayout[MAX_FIELDS + 1][];
            for (int n = 1; n <= MAX_FIELDS; n++) {
                KnownLayout[] c = catalog.candidates(kind, n);
                shapes[n] = c.length == 0 ? null : c;
            }
            shapeCounts = new long[catalog.all().size()];
            shapeFirst = new long[shapeCounts.length];
        }
        KnownLayout[] candidates = shapes[count];
        String why = null;
        KnownLayout whyLayout = null;
        for (int i = 0; candidates != null && i < candidates.length; i++) {
            KnownLayout k = candidates[i];
            boolean fits = i > 0 && k.fits(rec); // the first of a field count is tried as is (the fast path)
            if (i > 0 && !fits) {
                continue;
            }
            String w = offer(k.layout());
            if (w == null) {
                int idx = catalog.index(k);
                if (shapeCounts[idx]++ == 0) {
                    shapeFirst[idx] = lines;
                }
                return;
            }
            if (why == null && (fits || k.fits(rec))) {
                why = missing != null ? w + k.layout().origin() : w;
                whyLayout = k;
            }
        }
        String asKnown = whyLayout == null ? "" : "; as " + whyLayout.name() + ": " + why;
        if (layout == null) {
            reject(count + " fields, no #Fields directive in force and no known layout fits" + asKnown, null, "");
        } else {
            reject(count + " fields, but ", layout, " lists " + layout.size() + asKnown);
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
        reject("line longer than " + MAX_LINE_BYTES + " bytes, skipped", null, "");
    }

    private void reject(String reason, W3cLayout origin, String tail) {
        rejected++;
        if (problems.size() < org.iisdiag.evidence.ReadReport.MAX_PROBLEMS_KEPT) {
            problems.add(new Problem(lines, reason, origin, tail));
        }
    }

    private void directive(String text) {
        int colon = text.indexOf(':');
        String name = (colon < 0 ? text : text.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
        String value = colon < 0 ? "" : text.substring(colon + 1).trim();
        switch (name) {
            case "#fields" -> {
                if (value.isEmpty()) {
                    reject("empty #Fields directive", null, "");
                } else if (value.split("\\s+").length >= MAX_FIELDS) {
                    reject("#Fields lists more than " + (MAX_FIELDS - 1) + " fields", null, "");
                } else {
                    inForce(W3cLayout.fields(value, lines));
                    lastFields = layout;
                }
            }
            case "#software", "#version", "#date", "#remark", "#start-date", "#end-date" -> {
                // informational: the layout is all a reader needs
            }
            default -> {
                if (directiveNotes.size() < MAX_DIRECTIVE_NOTES) {
                    directiveNotes.add("unknown directive " + name + " ignored");
                }
            }
        }
    }
}
