package org.iisdiag.evidence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
    /** Kept in the order said, each once (a set: checking a list made many notes quadratic). */
    private final Set<String> notes = new LinkedHashSet<>();
    private long notesDropped;
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

    /** The notes, at most {@link Limits#NOTES_PER_FILE}, then one that counts the rest. */
    public List<String> notes() {
        List<String> all = new ArrayList<>(notes);
        if (notesDropped > 0) {
            all.add(Limits.note("notes-per-file", Limits.NOTES_PER_FILE, Limits.number(notesDropped)
                    + " further notes were counted, not kept"));
        }
        return Collections.unmodifiableList(all);
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

    /** Counts a rejected line and keeps its detail (secrets masked) while under the cap. */
    public void reject(long line, String reason) {
        rejected++;
        if (problems.size() < MAX_PROBLEMS_KEPT) {
            problems.add(new LineProblem(file, line, Redactor.DEFAULT.redact(reason)));
        }
    }

    /** Counts rejected lines whose detail is not kept (a block's beyond its first {@link #MAX_PROBLEMS_KEPT}). */
    public void countRejected(long n) {
        rejected += n;
    }

    /** A note (secrets masked) is kept once, however often it is said; past the cap notes are counted. */
    public void note(String note) {
        String n = Redactor.DEFAULT.redact(note);
        if (notes.contains(n)) {
            return;
        }
        if (notes.size() < Limits.NOTES_PER_FILE) {
            notes.add(n);
        } else {
            notesDropped++;
        }
    }

    public void fail(String error) {
        this.fatalError = Redactor.DEFAULT.redact(error);
    }
}
