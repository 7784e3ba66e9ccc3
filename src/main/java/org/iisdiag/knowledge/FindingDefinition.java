package org.iisdiag.knowledge;

import java.util.Map;

/** A kind of finding (what is probably wrong) from the catalog, with {placeholders} for the case. */
public record FindingDefinition(String id, String title, String section, Severity severity, String explanation,
                                Map<String, String> params, String source) {
}
