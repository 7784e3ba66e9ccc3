package org.iisdiag.facts;

/** A yes/no fact that the evidence may not settle; rules must treat UNKNOWN as "not proven". */
public enum Tristate {
    YES, NO, UNKNOWN;

    public static Tristate of(Boolean value) {
        return value == null ? UNKNOWN : value ? YES : NO;
    }
}
