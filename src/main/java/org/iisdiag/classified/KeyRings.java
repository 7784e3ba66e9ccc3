package org.iisdiag.classified;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.iisdiag.conclusions.Target;
import org.iisdiag.facts.AncmLogFinding;
import org.iisdiag.facts.AppPoolDefinition;

/**
 * What the rule about ASP.NET Core's Data Protection key ring picks among the facts it collected: the pool
 * whose worker runs without a user profile, the warning to quote and the failure to cite. Each choice is
 * deterministic (names and details break ties), so the report is the same from run to run.
 */
public final class KeyRings {
    private KeyRings() {
    }

    /**
     * The pool without a loaded user profile that serves {@code target}: the target's own pool when it is among
     * them, else the only one there is, else null (the case does not say which).
     */
    public static AppPoolDefinition poolOf(Collection<?> poolsWithoutProfile, Target target) {
        List<AppPoolDefinition> pools = poolsWithoutProfile.stream().filter(AppPoolDefinition.class::isInstance)
                .map(AppPoolDefinition.class::cast).sorted(Comparator.comparing(AppPoolDefinition::name)).toList();
        String own = target == null || target.appPool() == null ? "" : target.appPool();
        for (AppPoolDefinition p : pools) {
            if (!own.isEmpty() && p.name().equalsIgnoreCase(own)) {
                return p;
            }
        }
        return own.isEmpty() && pools.size() == 1 ? pools.get(0) : null;
    }

    /**
     * Whether errors of {@code target} can be the key ring's: the case names no pool without a profile, the
     * target's pool is not known, or it is one of them.
     */
    public static boolean servedBy(Target target, Collection<?> poolsWithoutProfile) {
        String own = target == null || target.appPool() == null ? "" : target.appPool();
        return poolsWithoutProfile.isEmpty() || own.isEmpty() || poolsWithoutProfile.stream()
                .anyMatch(p -> p instanceof AppPoolDefinition d && d.name().equalsIgnoreCase(own));
    }

    /** The finding that comes first by detail. */
    public static AncmLogFinding first(Collection<?> findings) {
        return findings.stream().filter(AncmLogFinding.class::isInstance).map(AncmLogFinding.class::cast)
                .min(Comparator.comparing(AncmLogFinding::detail)).orElse(null);
    }

    /** The exception cause seen most often (then by its text). */
    public static ExceptionCause mostFrequent(Collection<?> causes) {
        return causes.stream().filter(ExceptionCause.class::isInstance).map(ExceptionCause.class::cast)
                .min(Comparator.comparingLong((ExceptionCause c) -> -c.source().occurrences())
                        .thenComparing(c -> c.source().describe()))
                .orElse(null);
    }

    /** A logger entry's message without its "warn: Category[id]" prefix. */
    public static String message(String detail) {
        String d = detail == null ? "" : detail.strip();
        if (d.matches("(?s)^(?:warn|fail|crit|info|dbug|trce): \\S+ .*")) {
            d = d.substring(d.indexOf(' ', d.indexOf(": ") + 2) + 1).strip();
        }
        return d;
    }
}
