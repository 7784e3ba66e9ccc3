package org.iisdiag.knowledge;

/** A catalog step (of an action's steps, verify or revert) and when it applies. */
public record Step(String text, Condition condition) implements java.io.Serializable {
    public static Step always(String text) {
        return new Step(text, Condition.ALWAYS);
    }
}
