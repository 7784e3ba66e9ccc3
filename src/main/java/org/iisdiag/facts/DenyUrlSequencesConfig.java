package org.iisdiag.facts;

import java.util.List;

/**
 * {@code requestFiltering/denyUrlSequences} at one configuration level: the sequences it adds and removes
 * (and whether it clears the inherited list). A URL that contains a denied sequence is refused with 404.5
 * before any handler runs.
 */
public record DenyUrlSequencesConfig(List<String> added, List<String> removed, boolean cleared,
                                     String configFile, String locationPath, String source) implements ConfigFact {

    public DenyUrlSequencesConfig {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }

    @Override
    public List<String> defaults() {
        return List.of();
    }

    @Override
    public String describe() {
        StringBuilder b = new StringBuilder("denyUrlSequences");
        if (cleared) {
            b.append(" <clear/>");
        }
        if (!added.isEmpty()) {
            b.append(" adds ").append(String.join(" ", added.stream().map(s -> "'" + s + "'").toList()));
        }
        if (!removed.isEmpty()) {
            b.append(" removes ").append(String.join(" ", removed.stream().map(s -> "'" + s + "'").toList()));
        }
        return b.append(ConfigFact.location(locationPath)).append(ConfigFact.where(List.of(), source)).toString();
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
