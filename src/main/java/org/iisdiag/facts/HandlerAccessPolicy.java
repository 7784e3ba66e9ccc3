package org.iisdiag.facts;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code accessPolicy} of {@code system.webServer/handlers} at one level, as written there: the
 * permissions handler mappings may use for the site or folder (Read, Script, Execute, Write, Source and the
 * NoRemote* flags). A mapping whose {@code requireAccess} is not granted is refused: 403.1 (Script or
 * Execute), 403.2 (Read), 403.3 (Write). {@code level} orders the levels as IIS merges them:
 * applicationHost.config itself (0), its {@code <location>}s (1 and one more per path segment), then
 * web.config files (100 and up); a higher level overrides a lower one. Only levels that write the attribute
 * are read.
 */
public record HandlerAccessPolicy(String accessPolicy, int level, String configFile, String locationPath,
                                  String source) implements ConfigFact {
    /** The flags in IIS's order of the Feature Permissions dialog. */
    private static final List<String> ORDER = List.of("Read", "Script", "Execute", "Write", "Source");

    @Override
    public List<String> defaults() {
        return List.of();
    }

    /** Whether the policy grants {@code flag} (Read, Script, Execute, Write), case-insensitively. */
    public boolean grants(String flag) {
        for (String f : accessPolicy.split("[,\\s]+")) {
            if (f.equalsIgnoreCase(flag)) {
                return true;
            }
        }
        return false;
    }

    /** The policy with {@code flag} added, written as IIS writes it ("Read, Script"). */
    public String with(String flag) {
        List<String> out = new ArrayList<>();
        for (String f : ORDER) {
            if (grants(f) || f.equalsIgnoreCase(flag)) {
                out.add(f);
            }
        }
        for (String f : accessPolicy.split("[,\\s]+")) {
            if (!f.isBlank() && ORDER.stream().noneMatch(o -> o.equalsIgnoreCase(f.strip()))) {
                out.add(f.strip());
            }
        }
        return String.join(", ", out);
    }

    /** Whether this level sits in applicationHost.config (changes to it are committed there). */
    public boolean inApplicationHost() {
        return level < 100;
    }

    @Override
    public String describe() {
        return "handlers accessPolicy=\"" + accessPolicy + "\"" + ConfigFact.location(locationPath)
                + ConfigFact.where(List.of(), source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
