package org.iisdiag.explain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.iisdiag.diagnosis.Diagnostician;
import org.iisdiag.engine.CatalogReferences.Kind;
import org.iisdiag.knowledge.DiagnosisDefinition;
import org.iisdiag.knowledge.KnowledgeBase;
import org.iisdiag.report.DiagnosisReport;

/**
 * {@code diagnose --why-not ACTION}: an action is in a result because a diagnosis whose plan names it
 * (or a question it answers) was concluded and nothing the case shows made it pointless. This names the
 * diagnoses that plan it, whether each was concluded here, what became of the step (planned, or left
 * out and why), and for diagnoses that were not concluded the rules that could conclude them and which
 * of their conditions this case lacks.
 */
public final class WhyNot {
    private final KnowledgeBase kb;
    private final RuleIndex rules;

    public WhyNot(KnowledgeBase kb, RuleIndex rules) {
        this.kb = kb;
        this.rules = rules;
    }

    public DiagnosisReport.WhyNot analyse(String actionId, Diagnostician.Result result) {
        var ranked = result.report().actions().stream().filter(a -> a.id().equals(actionId)).findFirst();
        String verdict = ranked.map(a -> "it is in the result as action " + a.rank() + " (" + a.priority() + ", tier " + a.tier()
                + ", for " + String.join(", ", a.serves()) + ")").orElse("it is not in the result");
        Map<String, Integer> counts = factCounts(result);
        List<String> fired = result.conclusions().firedRules();
        Set<String> concluded = new LinkedHashSet<>();
        result.conclusions().diagnoses().forEach(d -> concluded.add(d.diagnosisId()));
        List<String> routes = new ArrayList<>();
        List<RuleIndex.Entry> candidates = new ArrayList<>();
        for (DiagnosisDefinition d : kb.diagnoses().stream().sorted(java.util.Comparator.comparing(DiagnosisDefinition::id)).toList()) {
            List<String> roles = d.steps().stream().filter(s -> s.actionId().equals(actionId)).map(s -> s.role().key())
                    .distinct().toList();
            if (roles.isEmpty()) {
                continue;
            }
            StringBuilder r = new StringBuilder("diagnosis " + d.id() + " plans it (" + String.join(", ", roles) + "): ");
            if (concluded.contains(d.id())) {
                List<String> skipped = result.conclusions().notPlanned().stream()
                        .filter(n -> n.actionId().equals(actionId) && n.reason().equals(d.id())).map(n -> n.why()).distinct().toList();
                r.append("concluded in this case; ").append(skipped.isEmpty() ? "the step was planned" : "left out: " + String.join("; ", skipped));
            } else {
                r.append("not concluded in this case");
                rules.concluding(Kind.DIAGNOSIS, d.id()).stream().filter(e -> !candidates.contains(e)).forEach(candidates::add);
                boolean fromCatalog = kb.statusCodes().stream().anyMatch(s -> s.diagnosis().equals(d.id()))
                        || kb.reasons().stream().anyMatch(x -> x.diagnosis().equals(d.id()))
                        || kb.exceptionSignatures().stream().anyMatch(x -> x.diagnosis().equals(d.id()))
                        || kb.exceptionCodes().stream().anyMatch(x -> x.diagnosis().equals(d.id()))
                        || kb.configErrors().stream().anyMatch(x -> x.diagnosis().equals(d.id()))
                        || kb.modules().stream().anyMatch(x -> x.names(d.id()));
                if (fromCatalog) {
                    r.append(" (a catalog entry names it: see 'iisdiag explain ").append(d.id()).append("')");
                    rules.concludingFromCatalog().stream().filter(e -> !candidates.contains(e)).forEach(candidates::add);
                }
            }
            routes.add(r.toString());
        }
        kb.questions().stream().filter(q -> actionId.equals(q.answeredBy())).forEach(q -> {
            boolean raised = result.conclusions().questions().stream().anyMatch(x -> x.questionId().equals(q.id()));
            routes.add("question " + q.id() + " is answered by it: " + (raised ? "raised in this case" : "not raised in this case"));
            if (!raised) {
                rules.concluding(Kind.QUESTION, q.id()).stream().filter(e -> !candidates.contains(e)).forEach(candidates::add);
            }
        });
        kb.actions().stream().filter(o -> o.requires().stream().anyMatch(x -> x.actionId().equals(actionId)))
                .forEach(o -> routes.add("action " + o.id() + " requires it"
                        + (result.report().actions().stream().anyMatch(a -> a.id().equals(o.id())) ? " and is in the result" : "")));
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
            out.add(new DiagnosisReport.Candidate(e.info().id(), e.info().location(), fired.contains(e.info().id()), conditions));
        }
        return new DiagnosisReport.WhyNot(actionId, verdict, out, routes);
    }

    /**
     * What the session held when it settled, by type: the evidence and also what rules derived from it
     * (classified facts such as ErrorStatus, Explained, conclusions), since conditions name those too.
     */
    private static Map<String, Integer> factCounts(Diagnostician.Result result) {
        return result.conclusions().workingMemory();
    }
}
