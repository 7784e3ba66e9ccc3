package org.iisdiag.knowledge;

import java.util.Map;
import org.iisdiag.facts.RecordEquality;

/** Evidence that is missing and would change the answer, with the action that collects it. */
public record QuestionDefinition(String id, String text, String why, String answeredBy,
                                 Map<String, String> params, String source) implements java.io.Serializable, CatalogEntry {
    @Override
    public String label() {
        return "question " + id;
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
