package org.iisdiag.daemon;

import java.nio.file.Path;

import org.iisdiag.diagnosis.Diagnostician;

/**
 * The rule pack a long-lived process keeps loaded between diagnoses: its catalogs, its rules and their
 * network. It is handed out only for the same folders, the same cache and the same identity, a hash of
 * every rule and catalog file computed again for each run, so an edited file is never diagnosed by the pack
 * loaded before the edit (the guarantee the compiled-rule cache gives a one-shot run).
 */
public final class ResidentPack {
    /** What a loaded pack was loaded from. */
    public record Key(Path rulesDir, Path kbDir, Path cacheDir, String identity) {
    }

    private Key key;
    private Diagnostician held;
    private int loads;
    private int reuses;

    /** The pack loaded for {@code key}, or null when none is held for exactly it. */
    public synchronized Diagnostician heldFor(Key key) {
        if (held != null && key.equals(this.key)) {
            reuses++;
            return held;
        }
        return null;
    }

    /** Keeps {@code loaded}, loaded for {@code key}, in place of any pack held before. */
    public synchronized void keep(Key key, Diagnostician loaded) {
        this.key = key;
        this.held = loaded;
        loads++;
    }

    /** "pack loaded 2 times, reused 40 times": for {@code iisdiag daemon status}. */
    public synchronized String describe() {
        return "pack loaded " + loads + " time(s), reused " + reuses + " time(s)"
                + (key == null ? "" : "; held: " + key.identity());
    }
}
