package org.iisdiag.report;

/** Turns a report into one output format. */
public interface ReportRenderer {
    String render(DiagnosisReport report);

    /**
     * Does ahead of time the part of rendering that no report's content changes (a fresh JVM pays it on
     * first use), so that a caller who would otherwise wait, for the rule pack say, can have it done.
     * Optional: {@link #render} works without it; failures are left for {@code render} to report.
     */
    default void prepare() {
    }
}
