package org.iisdiag.scenarios;

import java.util.List;

import org.iisdiag.problems.ProblemsException;

/** A scenario file that cannot be used: each problem names file:line. */
public class ScenarioException extends ProblemsException {
    private static final long serialVersionUID = 1L;

    public ScenarioException(List<String> problems) {
        super("a scenario", problems);
    }
}
