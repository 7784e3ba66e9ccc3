package org.iisdiag.casefolder;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.iisdiag.evidence.Limits;

/**
 * Bounds what a compressed file (a .gz, a zip member) may expand to: at most {@link Limits#MEMBER_BYTES}
 * per member, {@link Limits#CASE_DECOMPRESSED_BYTES} per case, and a compression ratio of at most
 * {@link Limits#COMPRESSION_RATIO} once past {@link Limits#RATIO_FLOOR_BYTES} (a zip bomb expands 1,000
 * times and more; logs about 10 to 50). At a limit the stream ends, as if the member ended there: the
 * reader keeps what it read, and the file gets a note naming the limit.
 */
final class InflationGuard extends FilterInputStream {
    /** The decompressed and compressed bytes of the whole case, shared by its files (read in parallel). */
    static final class CaseBudget {
        final AtomicLong decompressed = new AtomicLong();
        final AtomicLong compressed = new AtomicLong();
    }

    private final Consumer<String> note;
    private final CaseBudget budget;
    private final LongSupplier compressedSoFar;
    private long read;
    private long countedCompressed;
    private boolean stopped;

    /** @param compressedSoFar compressed bytes consumed so far (or the member's compressed size) */
    InflationGuard(InputStream in, Consumer<String> note, CaseBudget budget, LongSupplier compressedSoFar) {
        super(in);
        this.note = note;
        this.budget = budget;
        this.compressedSoFar = compressedSoFar;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (stopped) {
            return -1;
        }
        int n = super.read(b, off, len);
        if (n <= 0) {
            return n;
        }
        read += n;
        long c = Math.max(1, compressedSoFar.getAsLong());
        long caseCompressed = budget.compressed.addAndGet(c - countedCompressed);
        countedCompressed = c;
        long caseTotal = budget.decompressed.addAndGet(n);
        String why = null;
        if (read > Limits.MEMBER_BYTES) {
            why = Limits.note("member-bytes", Limits.MEMBER_BYTES, "decompressed size; reading stopped there");
        } else if (read > Limits.RATIO_FLOOR_BYTES && read > c * Limits.COMPRESSION_RATIO) {
            why = Limits.note("compression-ratio", Limits.COMPRESSION_RATIO, "this member expands more than that"
                    + " times (a zip bomb?); reading stopped after " + Limits.number(read) + " bytes");
        } else if (caseTotal > Limits.CASE_DECOMPRESSED_BYTES) {
            why = Limits.note("case-decompressed-bytes", Limits.CASE_DECOMPRESSED_BYTES,
                    "the compressed files of the case expand to more; reading stopped");
        } else if (caseTotal > Limits.RATIO_FLOOR_BYTES && caseTotal > caseCompressed * Limits.COMPRESSION_RATIO) {
            why = Limits.note("compression-ratio", Limits.COMPRESSION_RATIO, "the compressed files of the case"
                    + " expand more than that times; reading stopped");
        }
        if (why != null) {
            stopped = true;
            note.accept(why);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // through read(), so skipped bytes count too
        byte[] b = new byte[(int) Math.min(n, 8192)];
        int r = read(b, 0, b.length);
        return Math.max(r, 0);
    }
}
