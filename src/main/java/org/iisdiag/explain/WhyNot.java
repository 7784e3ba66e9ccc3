package org.iisdiag.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.iisdiag.diagnosis.Diagnosis;
import org.iisdiag.engine.CatalogReferences.Kind;
import org.iisdiag.knowledge.HttpErrReason;
import org.iisdiag.knowledge.KnowledgeBase;
import org.iisdiag.knowledge.StatusCodeInfo;
import org.iisdiag.report.DiagnosisReport;

/**
 * {@code diagnose --why-not ACTION}: which rules could have recommended the action, whether they fired,
 * and for each of their conditions whether this case had the facts it needs (or had facts that a
 * "not" condition forbids).
 */
public final class WhyNot {
    private final KnowledgeBase kb;
    private final RuleIndex rules;

    public WhyNot(KnowledgeBase kb, RuleIndex rules) {
        this.kb = kb;
        this.rules = rules;
    }

    public DiagnosisReport.WhyNot analyse(String actionId, Diagnosis.Result result) {
        var ranked = result.report().actions().stream().filter(a -> a.id().equals(actionId)).findFirst();
        String verdict = ranked.map(a -> "it is in the result as action " + a.rank() + " (" + a.priority() + ", score "
                + a.score() + ")").orElse("it is not in the result");
        Map<String, Integer> counts = factCounts(result);
        List<String> fired = result.conclusions().firedRules();
        List<RuleIndex.Entry> candidates = new ArrayList<>(rules.concluding(Kind.ACTION, actionId));
        List<String> routes = catalogRoutes(actionId, result);
        if (!routes.isEmpty()) {
            rules.recommendingFromCatalog().stream().filter(e -> !candidates.contains(e)).forEach(candidates::add);
        }
        List<DiagnosisReport.Candidate> out = new ArrayList<>();
        for (RuleIndex.Entry e : candidates) {
            List<String> conditions = new ArrayList<>();
            for (String type : e.requires()) {
                int n = counts.getOrDefault(type, 0);
                conditions.add("needs " + type + ": " + (n == 0 ? "MISSING, this case has none" : "this case has " + n
                        + " (the rule's constraints decide whether one matches)"));
            }
            for (String type : e.requiresAbsent()) {
                int n = counts.getOrDefault(type, 0);
                conditions.add("needs no " + type + ": " + (n == 0 ? "none present" : "this case has " + n
                        + " (BLOCKS the rule if one matches its constraints)"));
            }
            out.add(new DiagnosisReport.Candidate(e.info().id(), e.info().location(), fired.contains(e.info().id()),
                    conditions));
        }
        return new DiagnosisReport.WhyNot(actionId, verdict, out, routes);
    }

    /** How the catalogs lead to the action: which status codes / reasons name it, and whether the case has them. */
    private List<String> catalogRoutes(String actionId, Diagnosis.Result result) {
        List<String> routes = new ArrayList<>();
        List<String> codes = kb.statusCodes().stream().filter(s -> s.fixActions().contains(actionId))
                .map(StatusCodeInfo::code).sorted().toList();
        if (!codes.isEmpty()) {
            List<String> seen = result.evidence().statusCounts().stream()
                    .map(c -> kb.status(c.status(), c.substatus()))
                    .filter(i -> i != null && codes.contains(i.code())).map(StatusCodeInfo::code).distinct().sorted().toList();
            routes.add("status codes whose typical fix it is: " + String.join(", ", codes) + "; in this case's IIS log: "
                    + (seen.isEmpty() ? "none" : String.join(", ", seen)));
        }
        List<String> reasons = kb.reasons().stream().filter(r -> r.fixActions().contains(actionId))
                .map(HttpErrReason::reason).sorted().toList();
        if (!reasons.isEmpty()) {
            List<String> seen = result.evidence().httpErrCounts().stream().map(e -> e.reason())
                    .filter(reasons::contains).distinct().sorted().toList();
            routes.add("HTTPERR reasons whose typical fix it is: " + String.join(", ", reasons) + "; in this case's HTTPERR log: "
                    + (seen.isEmpty() ? "none" : String.join(", ", seen)));
        }
        return routes;
    }

    private static Map<String, Integer> factCounts(Diagnosis.Result result) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Object fact : result.evidence().facts()) {
            counts.merge(fact.getClass().getSimpleName(), 1, Integer::sum);
        }
        var c = result.conclusions();
        counts.merge("Recommendation", c.recommendations().size(), Integer::sum);
        counts.merge("Finding", c.findings().size(), Integer::sum);
        counts.merge("Question", c.questions().size(), Integer::sum);
        counts.merge("Benign", c.benign().size(), Integer::sum);
        return counts;
    }
}
