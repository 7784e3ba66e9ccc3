package org.iisdiag.engine;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.drools.base.base.ValueResolver;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.DialectRuntimeData;
import org.drools.base.rule.accessor.Wireable;
import org.drools.base.rule.consequence.Consequence;
import org.drools.base.rule.consequence.ConsequenceContext;
import org.drools.core.rule.JavaDialectRuntimeData;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Takes rules out of packages read back from the compiled-rule cache, before they are added to a rule base:
 * the rules and the classes compiled for them (consequence, evals, accumulate expressions), so that neither
 * their network nodes are built nor their classes defined. Drools removes a rule only once its classes are
 * wired into a rule base; for packages not yet added, the class names of a rule are found through the
 * dialect's table of invokers (not public API: this is tied to the Drools version, which the cache key
 * includes, and any surprise makes {@link #leaveOut} refuse, so the whole pack is used).
 */
final class PackageNarrowing {
    private static final String CONSEQUENCE_SUFFIX = "DefaultConsequenceInvoker";
    private static final Pattern INVOKER_SUFFIX = Pattern.compile("[A-Z][A-Za-z]*\\d*Invoker");
    /** Stands in for the not-yet-wired consequence, which Drools' removeRule reads. */
    private static final Consequence UNWIRED = new Consequence() {
        @Override
        public String getName() {
            return RuleImpl.DEFAULT_CONSEQUENCE_NAME;
        }

        @Override
        public void evaluate(ConsequenceContext context, ValueResolver valueResolver) {
            throw new IllegalStateException("rule left out of this rule base");
        }
    };

    private PackageNarrowing() {
    }

    /**
     * Removes the rules named (by {@link EvidenceRequirements#key}) from {@code packages}, which must not have
     * been added to a rule base. Returns false, having changed nothing, when any of them cannot be removed
     * cleanly; the packages are then to be used whole.
     */
    static boolean leaveOut(Collection<KiePackage> packages, Set<String> ruleKeys) {
        List<Runnable> removals = new ArrayList<>();
        int found = 0;
        try {
            for (KiePackage p : packages) {
                if (!(p instanceof InternalKnowledgePackage pkg)) {
                    return false;
                }
                List<RuleImpl> rules = new ArrayList<>();
                for (Rule r : pkg.getRules()) {
                    if (ruleKeys.contains(EvidenceRequirements.key(r))) {
                        rules.add((RuleImpl) r);
                    }
                }
                if (rules.isEmpty()) {
                    continue;
                }
                DialectRuntimeData data = pkg.getDialectRuntimeRegistry().getDialectData("java");
                if (!(data instanceof JavaDialectRuntimeData java)) {
                    return false;
                }
                List<String> classes = classesOf(rules, invokers(java), java.getStore().keySet());
                if (classes == null) {
                    return false;
                }
                found += rules.size();
                removals.add(() -> {
                    classes.forEach(java::remove);
                    for (RuleImpl rule : rules) {
                        rule.setConsequence(UNWIRED); // its invoker is gone: nothing will wire it
                        pkg.removeRule(rule);
                    }
                });
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
        if (found != ruleKeys.size()) {
            return false;
        }
        removals.forEach(Runnable::run);
        return true;
    }

    /**
     * The compiled classes of {@code rules}: each rule's class, named after its consequence invoker (the invoker
     * whose wired object is the rule), that invoker and the rule's other invokers (evals, accumulate
     * expressions: the rule class's name followed by a capitalised kind, a number and "Invoker"; another
     * rule's class name can only continue this one with more digits or lower-case letters), and the rule
     * class's inner classes. Null when a rule has no consequence invoker of the expected name.
     */
    private static List<String> classesOf(List<RuleImpl> rules, Map<String, Wireable> invokers, Set<String> stored) {
        Map<Object, String> ruleClass = new IdentityHashMap<>();
        invokers.forEach((className, wired) -> {
            if (wired instanceof RuleImpl && className.endsWith(CONSEQUENCE_SUFFIX)) {
                ruleClass.put(wired, className.substring(0, className.length() - CONSEQUENCE_SUFFIX.length()));
            }
        });
        NavigableSet<String> invokerNames = new TreeSet<>(invokers.keySet());
        NavigableSet<String> resources = new TreeSet<>(stored);
        List<String> classes = new ArrayList<>();
        for (RuleImpl rule : rules) {
            String owner = ruleClass.get(rule);
            if (owner == null) {
                return null;
            }
            classes.add(owner);
            for (String invoker : startingWith(invokerNames, owner)) {
                if (INVOKER_SUFFIX.matcher(invoker).region(owner.length(), invoker.length()).matches()) {
                    classes.add(invoker);
                }
            }
            String inner = owner.replace('.', '/') + "$";
            for (String resource : startingWith(resources, inner)) {
                if (resource.endsWith(".class")) {
                    classes.add(resource.substring(0, resource.length() - ".class".length()).replace('/', '.'));
                }
            }
        }
        return classes;
    }

    private static SortedSet<String> startingWith(NavigableSet<String> names, String prefix) {
        return names.subSet(prefix, true, prefix + Character.MAX_VALUE, false);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Wireable> invokers(JavaDialectRuntimeData data) throws ReflectiveOperationException {
        Field f = JavaDialectRuntimeData.class.getDeclaredField("invokerLookups");
        f.setAccessible(true);
        return (Map<String, Wireable>) f.get(data);
    }
}
