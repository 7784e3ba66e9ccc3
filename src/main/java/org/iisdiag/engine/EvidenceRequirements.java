package org.iisdiag.engine;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.iisdiag.facts.EvidenceFact;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Which kinds of evidence each rule needs before it can fire: the fact types of the case (the readers'
 * facts, {@code org.iisdiag.facts}) that its conditions match in working memory and that must be there,
 * i.e. patterns that are neither negated ({@code not}), nor one branch of an {@code or}, nor inside
 * {@code forall}, {@code accumulate}, {@code collect} or {@code from}. A rule needing a type of which the
 * case has no fact cannot fire on that case, as long as no rule inserts facts of that type (rules insert
 * conclusions; {@link org.iisdiag.engine.Diagnoser} checks it while the rules run and falls back to the
 * whole pack if one ever does). Conclusion and classification types are never counted: rules insert them.
 */
final class EvidenceRequirements {
    private static final String EVIDENCE_PACKAGE = EvidenceFact.class.getPackageName();

    /** Rule name to the evidence types it needs, for rules needing at least one; in package and rule order. */
    private final Map<String, Set<Class<?>>> needs;

    private EvidenceRequirements(Map<String, Set<Class<?>>> needs) {
        this.needs = needs;
    }

    /** Reads the conditions of every rule of {@code packages} (compiled or read back, wired or not). */
    static EvidenceRequirements of(Collection<KiePackage> packages, ClassLoader loader) {
        Map<String, Set<Class<?>>> needs = new LinkedHashMap<>();
        for (KiePackage pkg : packages) {
            for (Rule r : pkg.getRules()) {
                if (!(r instanceof RuleImpl rule) || rule.isQuery() || rule.hasNamedConsequences()) {
                    continue; // queries are used by other rules; named consequences are not narrowed
                }
                Set<Class<?>> types = new LinkedHashSet<>();
                collect(rule.getLhs(), types, loader);
                if (!types.isEmpty()) {
                    needs.put(key(rule), types);
                }
            }
        }
        return new EvidenceRequirements(needs);
    }

    private static void collect(GroupElement group, Set<Class<?>> into, ClassLoader loader) {
        if (!group.isAnd() && !group.isExists()) {
            return; // not, or: nothing in them has to be there
        }
        for (RuleConditionElement child : group.getChildren()) {
            if (child instanceof Pattern p) {
                if (p.getSource() == null && p.getObjectType() instanceof ClassObjectType type) {
                    Class<?> c = evidenceType(type.getClassName(), loader);
                    if (c != null) {
                        into.add(c);
                    }
                }
            } else if (child instanceof GroupElement g) {
                collect(g, into, loader);
            }
        }
    }

    private static Class<?> evidenceType(String className, ClassLoader loader) {
        if (className == null || !className.startsWith(EVIDENCE_PACKAGE + ".")) {
            return null;
        }
        try {
            return Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null; // unknown here: count it as not needed, which only keeps the rule
        }
    }

    static String key(Rule rule) {
        return rule.getPackageName() + "\u0000" + rule.getName();
    }

    /** What a case's facts leave out of the pack. */
    record Selection(Set<String> leftOut, Set<Class<?>> missingTypes) {
        boolean narrows() {
            return !leftOut.isEmpty();
        }
    }

    /**
     * The rules that cannot fire on {@code facts} (by {@link #key}), and the evidence types whose absence
     * leaves them out: a fact of one of those types inserted later would make them relevant again.
     */
    Selection select(Collection<?> facts) {
        Set<Class<?>> present = new LinkedHashSet<>();
        for (Object f : facts) {
            present.add(f.getClass());
        }
        Map<Class<?>, Boolean> satisfied = new LinkedHashMap<>();
        Set<String> leftOut = new TreeSet<>();
        Set<Class<?>> missing = new LinkedHashSet<>();
        needs.forEach((rule, types) -> {
            boolean out = false;
            for (Class<?> t : types) {
                if (!satisfied.computeIfAbsent(t, x -> present.stream().anyMatch(x::isAssignableFrom))) {
                    missing.add(t);
                    out = true;
                }
            }
            if (out) {
                leftOut.add(rule);
            }
        });
        return new Selection(leftOut, missing);
    }
}
