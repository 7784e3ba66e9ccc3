package org.iisdiag.conclusions;

/** A warning a ranking rule attaches to one plan step (e.g. the server is internet-facing). */
public record Caveat(String plannedKey, String text, String ruleId) {
}
