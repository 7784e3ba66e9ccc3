package org.iisdiag.conclusions;

/**
 * A prioritization rule's vote on one recommended action: a signed score change and why. The final
 * priority is the base score plus the distinct adjustments, so prioritization stays declarative.
 */
public record PriorityAdjustment(String actionKey, int delta, String reason, String ruleId) {
}
