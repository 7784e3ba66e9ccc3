package org.iisdiag.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads every file of one evidence kind in a case and turns them into facts. One instance serves a
 * whole case: {@link #read} is called once per file (in name order), then {@link #facts()} once, so
 * readers aggregate across files while streaming and keep memory bounded.
 */
public interface EvidenceReader {

    /**
     * Reads one file. Malformed lines go to {@code report.reject(line, why)}; a file that cannot be
     * read at all throws (the caller reports it and goes on with the other files).
     *
     * @param displayName the file's name relative to the case folder, used in every file:line
     * @param siteHint    the site label the path implies ("W3SVC3") or ""
     */
    void read(String displayName, String siteHint, InputStream in, ReadReport report) throws IOException;

    /** The facts for the Drools session, in a deterministic order. */
    List<Object> facts();

    /** Series for the case's timeline (events per kind per minute, say), in a deterministic order. */
    default List<TimelineSeries> series() {
        return List.of();
    }
}
