package org.iisdiag.conclusions;

/** A plan step left out because the case already shows everything it would collect, and what shows it. */
public record NotPlanned(String actionId, PlanRole role, Target target, String reason, String why, String ruleId) {
}
