package org.iisdiag.evidence.w3c;

/** What a reader does with the lines {@link W3cScanner} splits for it. */
public interface W3cRecordHandler {

    /** A new layout applies to the lines that follow: resolve column positions here, once. */
    void layout(W3cLayout layout);

    /**
     * One data line whose field count matches the layout. The record is a reusable view: copy what
     * must outlive the call.
     *
     * @return null when the entry was used, otherwise a concrete reason it was rejected
     */
    String record(W3cRecord record);
}
