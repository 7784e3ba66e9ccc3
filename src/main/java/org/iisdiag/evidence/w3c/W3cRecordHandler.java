package org.iisdiag.evidence.w3c;

/** What a reader does with the lines {@link W3cScanner} splits for it. */
public interface W3cRecordHandler {

    /**
     * A new layout applies to the lines that follow: resolve column positions here, once.
     *
     * @return the name of a field the reader needs and the layout lacks (its lines are then rejected
     *         without being handed over), or null
     */
    String layout(W3cLayout layout);

    /**
     * One data line whose field count matches the layout. The record is a reusable view: copy what
     * must outlive the call. A rejected line must leave no trace in the reader's aggregates.
     *
     * @return null when the entry was used, otherwise a concrete reason it was rejected
     */
    String record(W3cRecord record);
}
