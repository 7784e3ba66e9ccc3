package org.iisdiag.report;

/** Turns a report into one output format. */
public interface ReportRenderer {
    String render(DiagnosisReport report);
}
