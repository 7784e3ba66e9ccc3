package org.iisdiag.evidence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.iisdiag.facts.EvidenceKind;

/**
 * What reading one file produced: lines read, entries used, lines rejected (with the first few
 * problems kept verbatim so memory stays bounded), notes such as assumed defaults, and a fatal error
 * when the file could not be read at all.
 */
public final class ReadReport {
    /** How many individual problems are kept per file; the rest are only counted. */
    public static final int MAX_PROBLEMS_KEPT = 20;

    private final String file;
    private final EvidenceKind kind;
    private long lines;
    private long entries;
    private long rejected;
    private long bytes;
    private final List<LineProblem> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private String fatalError;

    public ReadReport(String file, EvidenceKind kind) {
        this.file = file;
        this.kind = kind;
    }

    public String file() {
        return file;
    }

    public EvidenceKind kind() {
        return kind;
    }

    /** Physical lines read, directives and blank lines included. */
    public long lines() {
        return lines;
    }

    /** Data entries (log records) that were parsed and aggregated. */
    public long entries() {
        return entries;
    }

    public long rejected() {
        return rejected;
    }

    /** Uncompressed bytes read. */
    public long bytes() {
        return bytes;
    }

    public List<LineProblem> problems() {
        return Collections.unmodifiableList(problems);
    }

    public List<String> notes() {
        return Collections.unmodifiableList(notes);
    }

    public String fatalError() {
        return fatalError;
    }

    public boolean failed() {
        return fatalError != null;
    }

    public void addLines(long n) {
        lines += n;
    }

    public void addEntries(long n) {
        entries += n;
    }

    public void addBytes(long n) {
        bytes += n;
    }

    /** Counts a rejected line and keeps its detail while under the cap. */
    public void reject(long line, String reason) {
        rejected++;
        if (problems.size() < MAX_PROBLEMS_KEPT) {
            problems.add(new LineProblem(file, line, reason));
        }
    }

    /** Counts rejected lines whose detail is not kept (a block's beyond its first {@link #MAX_PROBLEMS_KEPT}). */
    public void countRejected(long n) {
        rejected += n;
    }

    /** A note is kept once, however often it is said. */
    public void note(String note) {
        if (!notes.contains(note)) {
            notes.add(note);
        }
    }

    public void fail(String error) {
        this.fatalError = error;
    }
}
