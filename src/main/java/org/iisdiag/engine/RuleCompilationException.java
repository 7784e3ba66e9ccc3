package org.iisdiag.engine;

import java.util.List;

/** The rule pack cannot be used: each problem reads "file:line: message". */
public class RuleCompilationException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<String> problems;

    public RuleCompilationException(List<String> problems) {
        super(problems.size() + " problem(s) in the rules:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
