package org.iisdiag.conclusions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.iisdiag.classified.Classified;
import org.iisdiag.classified.Explained;
import org.iisdiag.facts.EvidenceFact;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The vocabulary rule consequences use ({@code import function ...Conclude.diagnose;}). Every conclusion
 * is inserted logically and carries the rule's {@code @id}; conclusions that rest on evidence take it
 * explicitly ({@code evidence($a, $b)}), so nothing a rule matched is lost (the engine checks it).
 */
public final class Conclude {
    private Conclude() {
    }

    /**
     * The evidence facts among the arguments: evidence facts themselves, what classified facts,
     * diagnoses and known facts stand for, and the members of collections (accumulate results), each once.
     */
    public static List<EvidenceFact> evidence(Object... items) {
        List<EvidenceFact> out = new ArrayList<>();
        for (Object o : items) {
            add(out, o);
        }
        return List.copyOf(out);
    }

    static void add(List<EvidenceFact> out, Object o) {
        if (o instanceof EvidenceFact e) {
            if (!out.contains(e)) {
                out.add(e);
            }
        } else if (o instanceof Classified c) {
            c.evidence().forEach(e -> add(out, e));
        } else if (o instanceof Diagnosis d) {
            d.evidence().forEach(e -> add(out, e));
        } else if (o instanceof Known k) {
            k.evidence().forEach(e -> add(out, e));
        } else if (o instanceof Collection<?> many) {
            many.forEach(m -> add(out, m));
        }
    }

    /** Concludes catalog diagnosis {@code id} for {@code target}, with name/value pairs for its templates. */
    public static void diagnose(RuleContext kcontext, String id, Certainty certainty, Target target,
                                List<EvidenceFact> evidence, String... params) {
        kcontext.insertLogical(new Diagnosis(id, certainty, target, Params.of(params), evidence, ruleId(kcontext)));
    }

    /** Records that the case already shows {@code revelation} (an actions.yaml revelation) about {@code target}. */
    public static void know(RuleContext kcontext, Target target, String revelation, String because,
                            List<EvidenceFact> evidence) {
        kcontext.insertLogical(new Known(target, revelation, because, evidence, ruleId(kcontext)));
    }

    /** Raises catalog question {@code questionId}: evidence that is missing and would change the answer. */
    public static void ask(RuleContext kcontext, String questionId, Target target, List<EvidenceFact> evidence,
                           String... params) {
        kcontext.insertLogical(new Question(questionId, target, Params.of(params), ruleId(kcontext), evidence));
    }

    /**
     * Marks evidence as explained by this rule's conclusion, at {@code specificity} (see {@link Explained}), so
     * the rules that would read it on its own stand down; collections are flattened as in {@link #evidence}.
     */
    public static void explain(RuleContext kcontext, int specificity, Object... facts) {
        String by = ruleId(kcontext);
        for (EvidenceFact f : evidence(facts)) {
            kcontext.insertLogical(new Explained(f, by, specificity));
        }
    }

    /** Marks evidence as a known-normal pattern so diagnosing rules leave it alone. */
    public static void benign(RuleContext kcontext, EvidenceFact fact, String reason) {
        kcontext.insertLogical(new Benign(fact, reason, ruleId(kcontext)));
    }

    /** Puts one step of a diagnosis's plan into this case's plan. */
    public static void plan(RuleContext kcontext, Diagnosis d, PlanRole role, int order, String actionId) {
        kcontext.insertLogical(new PlannedAction(actionId, role, order, d.target(), d.diagnosisId(), d.key(),
                d.certainty(), "", d.params(), d.evidence(), ruleId(kcontext)));
    }

    /** Puts the action that answers a question into the plan. */
    public static void planAnswer(RuleContext kcontext, Question q, String actionId) {
        kcontext.insertLogical(new PlannedAction(actionId, PlanRole.ANSWER, 0, q.target(), q.questionId(), q.key(),
                Certainty.POSSIBLE, "", q.params(), q.evidence(), ruleId(kcontext)));
    }

    /**
     * Puts an action's prerequisite into the plan, for the same target and reason; its {@code reasonKey}
     * is the key of the plan step that needs it, so it takes that step's place in the ranking.
     */
    public static void planPrerequisite(RuleContext kcontext, PlannedAction a, String actionId) {
        kcontext.insertLogical(new PlannedAction(actionId, PlanRole.PREREQUISITE, a.order(), a.target(), a.reason(),
                a.key(), a.certainty(), a.severity(), a.params(), a.evidence(), ruleId(kcontext)));
    }

    /** Records a plan step left out, and why (e.g. everything it collects is already known). */
    public static void notPlanned(RuleContext kcontext, Diagnosis d, PlanRole role, String actionId, String why) {
        kcontext.insertLogical(new NotPlanned(actionId, role, d.target(), d.diagnosisId(), why, ruleId(kcontext)));
    }

    /** Places a plan step in a tier (1 is done first). */
    public static void tier(RuleContext kcontext, PlannedAction a, int tier, String reason) {
        kcontext.insertLogical(new Tier(a.key(), tier, reason, ruleId(kcontext)));
    }

    /** Moves a plan step up (positive) or down (negative) within its tier, with the reason. */
    public static void weigh(RuleContext kcontext, PlannedAction a, int delta, String reason) {
        kcontext.insertLogical(new Weight(a.key(), delta, reason, ruleId(kcontext)));
    }

    /** Attaches a warning to a plan step. */
    public static void caution(RuleContext kcontext, PlannedAction a, String text) {
        kcontext.insertLogical(new Caveat(a.key(), text, ruleId(kcontext)));
    }

    /** A map of name/value pairs, for rules that build parameters step by step. */
    public static SortedMap<String, String> params(String... keyValues) {
        return new TreeMap<>(Params.of(keyValues));
    }

    static String ruleId(RuleContext kcontext) {
        Object id = kcontext.getRule().getMetaData().get("id");
        return id == null ? kcontext.getRule().getName() : id.toString();
    }
}
