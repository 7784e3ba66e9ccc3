package org.iisdiag.conclusions;

import java.util.Locale;

/** The part an action plays in a diagnosis's plan (the order of the catalog's {@code plan} keys). */
public enum PlanRole {
    /** Removes the cause. */
    FIX,
    /** Collects what the fix itself needs (e.g. the recursing stack of a stack overflow). */
    COLLECT,
    /** Confirms the fix worked. */
    VERIFY,
    /** Worth doing only if the fix does not help. */
    IF_NOT_FIXED,
    /** Collects evidence a question says is missing. */
    ANSWER,
    /** Needed before another action can work (an action's {@code requires}). */
    PREREQUISITE;

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
