package org.iisdiag.conclusions;

/** A warning attached to one recommended action for this case (e.g. the server is internet-facing). */
public record Caveat(String actionKey, String text, String ruleId) {
}
