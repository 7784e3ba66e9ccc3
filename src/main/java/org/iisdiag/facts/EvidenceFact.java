package org.iisdiag.facts;

import java.util.List;

/**
 * A fact observed in the collected evidence. Conclusions list the evidence facts their rule matched,
 * so every action can say what it rests on.
 */
public interface EvidenceFact {
    /** One line saying what was observed, e.g. "1,204 x 500.19 (win32 13) on W3SVC1". */
    String describe();

    /** How many log entries (or events) this fact stands for; drives evidence strength. */
    long occurrences();

    /** The HTTP status this evidence is about, or 0 when it has none (e.g. an HTTPERR time-out). */
    int status();

    /** A few raw lines with file:line, possibly empty. */
    List<SampleLine> samples();

    /** When this evidence was first seen (UTC), or null when it has no time (a setting, a log without dates). */
    default java.time.Instant firstSeen() {
        return null;
    }

    /** When it was last seen (UTC), or null. */
    default java.time.Instant lastSeen() {
        return null;
    }

    /** ", first" or ", first to last" for a description's closing parenthesis; "" without a time. */
    default String seenSpan() {
        java.time.Instant first = firstSeen();
        java.time.Instant last = lastSeen();
        return first == null ? "" : first.equals(last) || last == null ? ", " + first : ", " + first + " to " + last;
    }
}
