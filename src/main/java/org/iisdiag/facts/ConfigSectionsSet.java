package org.iisdiag.facts;

import java.util.List;

/**
 * The {@code system.webServer} elements a web.config sets (at its top or in one {@code <location>}), as
 * element paths such as "system.webServer/security/authentication/windowsAuthentication": what the file tries to
 * configure, to be compared with the sections applicationHost.config locks.
 */
public record ConfigSectionsSet(List<String> elements, String configFile, String locationPath, String source)
        implements ConfigFact {

    /** Those of the paths the locked sections name, in file order (case-insensitive, as IIS compares). */
    public List<String> lockedBy(LockedSections locked) {
        return elements.stream().filter(p -> locked.sections().stream().anyMatch(s -> s.equalsIgnoreCase(p))).toList();
    }

    @Override
    public List<String> defaults() {
        return List.of();
    }

    @Override
    public String describe() {
        return configFile + (locationPath.isEmpty() ? "" : " <location path=\"" + locationPath + "\">") + " sets "
                + String.join(", ", elements.stream().limit(8).toList()) + (elements.size() > 8 ? " ..." : "") + " (" + source + ")";
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
