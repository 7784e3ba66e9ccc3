package org.iisdiag.problems;

import java.util.List;

/**
 * Input that cannot be used, with every problem found (not just the first), each naming file:line.
 * Subclasses say which input: the knowledge base, the rules, a scenario.
 */
public abstract class ProblemsException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<String> problems;

    protected ProblemsException(String what, List<String> problems) {
        super(problems.size() + " problem(s) in " + what + ":\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
