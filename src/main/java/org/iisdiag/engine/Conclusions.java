package org.iisdiag.engine;

import java.util.List;

import org.iisdiag.conclusions.Benign;
import org.iisdiag.conclusions.Caveat;
import org.iisdiag.conclusions.Finding;
import org.iisdiag.conclusions.PriorityAdjustment;
import org.iisdiag.conclusions.Question;
import org.iisdiag.conclusions.Recommendation;

/** Everything the rules concluded for one case, before ranking and rendering. */
public record Conclusions(List<Finding> findings, List<Recommendation> recommendations, List<Question> questions,
                          List<PriorityAdjustment> adjustments, List<Caveat> caveats, List<Benign> benign,
                          List<Firing> trail) {

    /** Rule ids in firing order (a rule appears once per firing). */
    public List<String> firedRules() {
        return trail.stream().map(Firing::ruleId).toList();
    }

    /** One rule firing: the rule, the facts it matched, and what its consequence inserted. */
    public record Firing(int sequence, String ruleId, List<String> matched, List<String> inserted) {
    }
}
