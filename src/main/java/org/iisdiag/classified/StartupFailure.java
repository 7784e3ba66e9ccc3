package org.iisdiag.classified;

import java.util.List;

import org.iisdiag.conclusions.Target;
import org.iisdiag.facts.EvidenceFact;
import org.iisdiag.facts.RecordEquality;

/**
 * An ASP.NET Core app failing to start, as the stdout/debug log or an ASP.NET Core Module event shows it,
 * by what it says: the app threw ({@link #EXCEPTION}), a framework is missing, a bitness mismatch, or
 * processPath/arguments that do not start it. One named fact whichever source said it, so one rule per
 * kind diagnoses it.
 */
public record StartupFailure(String kind, EvidenceFact source, String detail, Target target) implements Classified {
    public static final String EXCEPTION = "exception";
    public static final String MISSING_FRAMEWORK = "missing-framework";
    public static final String BITNESS = "bitness";
    public static final String PROCESS_PATH = "process-path";

    @Override
    public List<EvidenceFact> evidence() {
        return List.of(source);
    }

    @Override
    public String toString() {
        return "StartupFailure " + kind + ": " + source.describe();
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
