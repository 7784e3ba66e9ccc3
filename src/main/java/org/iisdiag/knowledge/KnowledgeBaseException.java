package org.iisdiag.knowledge;

import java.util.List;

/** The knowledge base cannot be used; each problem names the file, line and entry. */
public class KnowledgeBaseException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<String> problems;

    public KnowledgeBaseException(List<String> problems) {
        super(problems.size() + " problem(s) in the knowledge base:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
