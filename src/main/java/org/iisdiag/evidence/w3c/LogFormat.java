package org.iisdiag.evidence.w3c;

import org.iisdiag.evidence.ReadReport;

/**
 * One kind of W3C log as {@link LogIngest} reads it: each block of a file is aggregated on its own
 * (possibly on another core), then the blocks are folded into the case's aggregate in file and line
 * order, so the result is the same whatever the number of threads.
 *
 * @param <A> the aggregate
 */
public interface LogFormat<A> {

    LogKind kind();

    A newAggregator();

    /** Empties a block's aggregate after it was merged, so that the next block reuses it. */
    void clear(A block);

    /** The handler that feeds one block's lines of {@code source} into {@code block}. */
    W3cRecordHandler handler(A block, LogSource source);

    /** Folds a block's aggregate into the total; the block's sample lines count from {@code lineBase}. */
    void merge(A total, A block, long lineBase);

    /** Counters whose growth while a file is merged deserves a note on that file (entries folded ...). */
    long[] counters(A total);

    /** Notes for a file after its last block, given {@link #counters} from before its first. */
    void notes(A total, long[] before, ReadReport report);
}
