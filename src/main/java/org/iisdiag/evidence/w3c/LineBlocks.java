package org.iisdiag.evidence.w3c;

import java.io.IOException;
import java.io.InputStream;

/**
 * Cuts a stream into blocks of whole lines, each in a buffer taken from a bounded pool (so memory stays
 * fixed however far the parsers lag). The bytes after a block's last newline start the next block. A
 * line longer than a whole buffer becomes a block of its own that is only counted ({@link Block#overLong}).
 */
final class LineBlocks {
    /** A block: {@code buf[0, length)} (null for an over-long line), and whether it starts the file. */
    record Block(byte[] buf, int length, boolean first, boolean overLong) {
    }

    private final InputStream in;
    private final BlockPool pool;
    private byte[] carry = new byte[4096]; // the unfinished line after a block: grows to the longest one
    private int carryLen;
    private boolean eof;
    private boolean skipping; // inside an over-long line, discarding up to its newline
    private boolean first = true;
    private long bytes;
    private IOException failure; // thrown once the lines read before it are handed out

    LineBlocks(InputStream in, BlockPool pool) {
        this.in = in;
        this.pool = pool;
    }

    /** Uncompressed bytes read so far. */
    long bytes() {
        return bytes;
    }

    /** The next block, or null at the end of the stream. */
    Block next() throws IOException, InterruptedException {
        if (failure != null) {
            throw failure;
        }
        while (!eof || carryLen > 0) {
            byte[] b = pool.take();
            System.arraycopy(carry, 0, b, 0, carryLen);
            int len = carryLen;
            carryLen = 0;
            try {
                while (len < b.length && !eof) {
                    int n = in.read(b, len, b.length - len);
                    if (n < 0) {
                        eof = true;
                    } else {
                        bytes += n;
                        len += n;
                    }
                }
            } catch (IOException e) {
                // a truncated .gz: the whole lines before the cut are still read and counted
                failure = e;
                eof = true;
                int last = skipping ? -1 : lastNewline(b, len);
                if (last < 0) {
                    pool.give(b);
                    throw e;
                }
                return block(b, last + 1, false);
            }
            if (skipping) {
                int nl = indexOf(b, 0, len);
                if (nl < 0) {
                    pool.give(b);
                    continue;
                }
                skipping = false;
                len -= nl + 1;
                System.arraycopy(b, nl + 1, b, 0, len);
                if (len == 0) {
                    pool.give(b);
                    continue;
                }
            }
            if (eof) {
                if (len == 0) {
                    pool.give(b);
                    return null;
                }
                return block(b, len, false);
            }
            int last = lastNewline(b, len);
            if (last < 0) {
                pool.give(b);
                skipping = true;
                return block(null, 0, true);
            }
            carryLen = len - last - 1;
            if (carryLen > carry.length) {
                carry = new byte[Math.max(carryLen, 2 * carry.length)];
            }
            System.arraycopy(b, last + 1, carry, 0, carryLen);
            return block(b, last + 1, false);
        }
        return null;
    }

    private Block block(byte[] b, int len, boolean overLong) {
        Block block = new Block(b, len, first, overLong);
        first = false;
        return block;
    }

    private static int lastNewline(byte[] b, int len) {
        int last = len - 1;
        while (last >= 0 && b[last] != '\n') {
            last--;
        }
        return last;
    }

    private static int indexOf(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
