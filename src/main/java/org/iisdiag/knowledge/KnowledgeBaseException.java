package org.iisdiag.knowledge;

import java.util.List;

import org.iisdiag.problems.ProblemsException;

/** The knowledge base cannot be used; each problem names the file, line and entry. */
public class KnowledgeBaseException extends ProblemsException {
    private static final long serialVersionUID = 1L;

    public KnowledgeBaseException(List<String> problems) {
        super("the knowledge base", problems);
    }
}
