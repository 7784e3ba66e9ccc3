package org.iisdiag.knowledge;

/** Cost and risk levels of an action, ordered from cheapest/safest. */
public enum Level {
    NONE, LOW, MEDIUM, HIGH
}
