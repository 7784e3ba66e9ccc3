package org.iisdiag.facts;

import java.util.List;
import java.util.Locale;

/**
 * "Application Error" event 1000: a native process crash, aggregated by (faulting application, faulting
 * module, exception code, fault offset). {@code exceptionCode} is lower-case with 0x (0xc0000005 access
 * violation, 0xe0434352 CLR exception, 0xc00000fd stack overflow, 0xc0000374 heap corruption);
 * {@code processId} is the first event's, as written (usually hex, "0x1f40"); so are {@code moduleVersion} and
 * {@code modulePath} (the faulting module's file version and full path, "" when the event does not give them).
 */
public record ApplicationCrash(String faultingApplication, String faultingModule, String exceptionCode, String faultOffset,
                               String processId, String moduleVersion, String modulePath, long count, EventTimes times,
                               List<SampleLine> samples) implements LoggedEvent {

    /** Without the module's version and path. */
    public ApplicationCrash(String faultingApplication, String faultingModule, String exceptionCode, String faultOffset,
                            String processId, long count, EventTimes times, List<SampleLine> samples) {
        this(faultingApplication, faultingModule, exceptionCode, faultOffset, processId, "", "", count, times, samples);
    }

    /**
     * Whether the faulting module is the application's or a vendor's own code: a module whose path is known and
     * lies outside the Windows folder (where Windows, IIS and the .NET Framework runtime live) and outside
     * Program Files\dotnet (the .NET runtime).
     */
    public boolean moduleOutsideWindows() {
        return NativeImagePath.outsideWindows(modulePath);
    }

    @Override
    public String describe() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%,d x Application Error 1000: %s crashed in %s with %s",
                count, faultingApplication, faultingModule.isEmpty() ? "?" : faultingModule,
                exceptionCode.isEmpty() ? "an unknown exception code" : exceptionCode));
        String t = times.describe();
        return t.isEmpty() ? b.toString() : b.append(", ").append(t).toString();
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
