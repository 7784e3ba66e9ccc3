package org.iisdiag.pack;

import java.nio.file.Path;

/**
 * A folder of the rule pack (rules/ or knowledge-base/) and where it came from: the pack built into
 * the jar, or a folder named by an option, an environment variable or the installation.
 */
public record PackLocation(Path dir, boolean builtIn) {

    public static PackLocation builtIn(Path dir) {
        return new PackLocation(dir, true);
    }

    public static PackLocation folder(Path dir) {
        return new PackLocation(dir, false);
    }

    /** "built-in" or the folder, as users should see it. */
    public String describe() {
        return builtIn ? "built-in" : dir.toString();
    }
}
