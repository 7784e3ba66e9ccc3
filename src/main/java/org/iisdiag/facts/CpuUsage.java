package org.iisdiag.facts;

import java.util.List;

/**
 * How busy the processors were during the problem, the figure no IIS log carries: what the engineer saw in
 * Task Manager or Performance Monitor and wrote in env.yaml's {@code reported.description} ("w3wp.exe at
 * 97-99% CPU", "cpu during incident: 12%"). {@code percent} is the highest figure given, {@code shown} the
 * figure as written ("97-99%") and {@code quote} the words around it. Reported, not measured: it says
 * how busy, not which process or code, which is what a counter log or a CPU-triggered dump then shows.
 */
public record CpuUsage(int percent, String shown, String quote, String source) implements SingleObservation {
    /** Sustained CPU in the area of 80% or more: the processors, not a wait, set the pace of every request. */
    public static final int HIGH = 80;
    /** CPU this low while requests take seconds: the threads are waiting, not computing. */
    public static final int LOW = 30;

    public boolean high() {
        return percent >= HIGH;
    }

    public boolean low() {
        return percent <= LOW;
    }

    @Override
    public String describe() {
        return "CPU " + shown + " as reported (\"" + quote + "\", " + source + ")";
    }

    @Override
    public List<SampleLine> samples() {
        return List.of();
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
