package org.iisdiag.engine;

import java.util.List;

import org.iisdiag.problems.ProblemsException;

/** The rule pack cannot be used: each problem reads "file:line: message". */
public class RuleCompilationException extends ProblemsException {
    private static final long serialVersionUID = 1L;

    public RuleCompilationException(List<String> problems) {
        super("the rules", problems);
    }
}
