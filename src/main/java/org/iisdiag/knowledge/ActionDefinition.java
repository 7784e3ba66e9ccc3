package org.iisdiag.knowledge;

import java.util.List;
import java.util.Map;

import org.iisdiag.conclusions.Target;
import org.iisdiag.facts.RecordEquality;

/**
 * A remediation or data-collection action from the catalog: the prose and commands, with {placeholders}
 * still in and steps that may apply only under conditions. {@code scope} says what one instance of it is
 * about (the server, a site, an application, a pool), so plans for the same scope merge. {@code reveals}
 * lists what a collection action would show (revelations); {@code requires} the actions it needs first.
 */
public record ActionDefinition(String id, String title, String section, ActionKind kind, Level cost, Level risk,
                               boolean changesServerState, Target.Scope scope, Map<String, String> params, String why,
                               List<Step> steps, List<String> risks, List<Step> revert, List<Step> verify,
                               List<String> reveals, List<Requirement> requires, String source) implements java.io.Serializable, CatalogEntry {
    @Override
    public String label() {
        return "action " + id;
    }


    /** Whether running it only collects or looks (it changes nothing that a fix would). */
    public boolean collects() {
        return kind == ActionKind.COLLECT || kind == ActionKind.INSPECT;
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
