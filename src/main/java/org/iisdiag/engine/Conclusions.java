package org.iisdiag.engine;

import java.util.List;

import org.iisdiag.conclusions.Benign;
import org.iisdiag.conclusions.Caveat;
import org.iisdiag.conclusions.Diagnosis;
import org.iisdiag.conclusions.Known;
import org.iisdiag.conclusions.NotPlanned;
import org.iisdiag.conclusions.PlannedAction;
import org.iisdiag.conclusions.Question;
import org.iisdiag.conclusions.Tier;
import org.iisdiag.conclusions.Weight;

/**
 * Everything the rules concluded for one case, before ranking and rendering. {@code workingMemory} counts
 * what the session held when it settled, by type (evidence, classified facts, conclusions), for
 * {@code --why-not}: a rule's conditions name those types.
 */
public record Conclusions(List<Diagnosis> diagnoses, List<Known> known, List<PlannedAction> planned,
                          List<NotPlanned> notPlanned, List<Tier> tiers, List<Weight> weights, List<Caveat> caveats,
                          List<Question> questions, List<Benign> benign, List<Firing> trail,
                          List<EvidenceGap> evidenceGaps, java.util.SortedMap<String, Integer> workingMemory) {

    /** Rule ids in firing order (a rule appears once per firing). */
    public List<String> firedRules() {
        return trail.stream().map(Firing::ruleId).toList();
    }

    /**
     * One rule firing: the rule, the facts it matched, and what its consequence inserted. The facts are
     * kept and described when asked (only {@code --trace} asks): they are immutable values that no rule
     * modifies, so a later description says what one at the firing would, and a run without a trace does
     * not describe a thousand facts it never shows.
     */
    public record Firing(int sequence, String ruleId, List<Object> matchedFacts, List<Object> insertedFacts) {
        public Firing {
            matchedFacts = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(matchedFacts));
            insertedFacts = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(insertedFacts));
        }

        /** The matched facts, described. */
        public List<String> matched() {
            return matchedFacts.stream().map(Diagnoser::describe).toList();
        }

        /** What the consequence inserted, described. */
        public List<String> inserted() {
            return insertedFacts.stream().map(Diagnoser::describe).toList();
        }
    }

    /**
     * A rule that concluded without passing all the evidence it matched: its conclusion would show less
     * than it rests on. The engine records these; tests and {@code iisdiag test} fail on them.
     */
    public record EvidenceGap(String ruleId, String conclusion, String missing) {
    }
}
