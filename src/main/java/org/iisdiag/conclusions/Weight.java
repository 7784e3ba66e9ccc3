package org.iisdiag.conclusions;

/** A ranking rule's vote on a plan step's place within its tier: higher comes first. */
public record Weight(String plannedKey, int delta, String reason, String ruleId) {
}
