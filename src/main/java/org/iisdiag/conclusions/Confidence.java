package org.iisdiag.conclusions;

/** How sure a finding is, given the evidence that supports it. */
public enum Confidence {
    LOW, MEDIUM, HIGH
}
