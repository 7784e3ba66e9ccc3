package org.iisdiag.conclusions;

import java.util.List;

import org.iisdiag.facts.AppPoolDefinition;

/**
 * Which registry view a pool's worker reads on 64-bit Windows, from its definition: with enable32BitAppOnWin64 a
 * 32-bit w3wp under WOW64 reads the WOW6432Node registrations (32-bit COM classes, 32-bit ODBC DSNs and drivers),
 * otherwise a 64-bit w3wp reads only the native ones. A name registered in the other view is not found.
 */
public final class PoolRegistryView {
    private PoolRegistryView() {
    }

    /** "32-bit", "64-bit", or "" when the pool's definition is not in the case. */
    public static String bitness(List<?> pools) {
        AppPoolDefinition pool = first(pools);
        return pool == null ? "" : pool.enable32BitAppOnWin64() ? "32-bit" : "64-bit";
    }

    /** A sentence for the explanation: what the pool's setting means for the lookup, or "" without the pool. */
    public static String finding(List<?> pools) {
        AppPoolDefinition pool = first(pools);
        if (pool == null) {
            return "";
        }
        String setting = " Pool " + pool.name() + " runs a " + bitness(pools) + " worker (enable32BitAppOnWin64 "
                + pool.enable32BitAppOnWin64() + " in " + pool.source() + ")";
        return setting + (pool.enable32BitAppOnWin64()
                ? ", which reads the 32-bit (WOW6432Node) registrations: the name is not registered there."
                : ": it sees only 64-bit registrations, so a name registered by a 32-bit tool, or for a 32-bit-only"
                  + " component or driver, is invisible to it.");
    }

    private static AppPoolDefinition first(List<?> pools) {
        return pools.stream().filter(AppPoolDefinition.class::isInstance).map(AppPoolDefinition.class::cast)
                .findFirst().orElse(null);
    }
}
