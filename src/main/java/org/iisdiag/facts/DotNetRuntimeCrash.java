package org.iisdiag.facts;

import java.util.List;
import java.util.Locale;

/**
 * ".NET Runtime" event 1026: a managed process (usually w3wp.exe) terminated by an unhandled exception,
 * aggregated by (application, exception type). {@code frameworkVersion} is "Framework Version" (.NET
 * Framework) or "CoreCLR Version" (.NET); {@code exceptionInfo} is the first line of "Exception Info",
 * at most 500 chars. {@code crashingFrame} is the first frame of the stack in the application's own code (not
 * System, Microsoft, mscorlib ...), an async method's state machine shown as {@code Type.Method}; "" when the
 * event has no stack or only framework frames. {@code threadKind} says where the exception was thrown when the
 * stack starts outside any request ("timer callback", "async void method", "thread-pool work item",
 * "thread"), else "".
 */
public record DotNetRuntimeCrash(String application, String frameworkVersion, String exceptionType, String exceptionInfo,
                                 String crashingFrame, String threadKind,
                                 long count, EventTimes times, List<SampleLine> samples) implements LoggedEvent {

    @Override
    public String describe() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%,d x .NET Runtime 1026: %s terminated by %s",
                count, application.isEmpty() ? "a process" : application,
                exceptionType.isEmpty() ? "an unhandled exception" : exceptionType));
        if (!crashingFrame.isEmpty()) {
            b.append(" in ").append(crashingFrame);
        }
        if (!threadKind.isEmpty()) {
            b.append(" (").append(threadKind).append(", outside any request)");
        }
        String t = times.describe();
        return t.isEmpty() ? b.toString() : b.append(", ").append(t).toString();
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
