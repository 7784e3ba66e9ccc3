package org.iisdiag.scenarios;

import java.util.List;

/** A scenario file that cannot be used: each problem names file:line. */
public class ScenarioException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<String> problems;

    public ScenarioException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
