package org.iisdiag.conclusions;

import java.util.List;

import org.iisdiag.facts.EvidenceFact;

/**
 * Something the case already shows about a target ({@code revelation}, a name from the
 * {@code revelations} list of actions.yaml: error-detail, failing-module, exception ...), and the
 * evidence that shows it. A collection action whose revelations are all known is not recommended.
 */
public record Known(Target target, String revelation, String because, List<EvidenceFact> evidence, String ruleId) {
}
