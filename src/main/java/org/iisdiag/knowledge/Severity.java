package org.iisdiag.knowledge;

/** How bad a problem is; ordered, so rules can compare ({@code severity >= Severity.HIGH}). */
public enum Severity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL
}
