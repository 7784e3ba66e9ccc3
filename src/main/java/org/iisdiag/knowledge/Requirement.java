package org.iisdiag.knowledge;

/** An action that must be done before another one can work, and when that is so. */
public record Requirement(String actionId, Condition condition) implements java.io.Serializable {
}
