package org.iisdiag.facts;

/** What users reported (env.yaml {@code reported.statusCodes}), even when no log shows it yet. */
public record ReportedSymptom(int status) {
}
