package org.iisdiag.facts;

/**
 * Evidence that shows a cause, not only a symptom: a trace naming the failing module, an event or log
 * line with the exception, a configuration setting. Prioritization ranks the fixes it supports first,
 * and data collection below them.
 */
public interface RootCauseEvidence extends EvidenceFact {
}
