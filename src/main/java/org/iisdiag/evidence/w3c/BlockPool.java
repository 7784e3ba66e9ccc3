package org.iisdiag.evidence.w3c;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The block buffers of a {@link LogIngest}: at most {@code max}, made on first need (a small case never
 * pays for the buffers a large one keeps busy), and reused; taking one waits while all are in use.
 */
final class BlockPool {
    private final int blockBytes;
    private final int max;
    private final BlockingQueue<byte[]> free;
    private int made; // guarded by this

    BlockPool(int blockBytes, int max) {
        this.blockBytes = blockBytes;
        this.max = max;
        this.free = new ArrayBlockingQueue<>(max);
    }

    byte[] take() throws InterruptedException {
        byte[] b = free.poll();
        if (b != null) {
            return b;
        }
        synchronized (this) {
            if (made < max) {
                made++;
                return new byte[blockBytes];
            }
        }
        return free.take();
    }

    void give(byte[] b) {
        free.add(b);
    }
}
