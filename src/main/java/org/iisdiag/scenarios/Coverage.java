package org.iisdiag.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.iisdiag.engine.CatalogReferences;
import org.iisdiag.engine.RuleBase;
import org.iisdiag.engine.RuleInfo;
import org.iisdiag.knowledge.ActionDefinition;
import org.iisdiag.knowledge.DiagnosisDefinition;
import org.iisdiag.knowledge.HttpErrReason;
import org.iisdiag.knowledge.KnowledgeBase;
import org.iisdiag.knowledge.StatusCodeInfo;

/**
 * What a suite of scenarios covered: rules fired (and shown silent) at least once, and which catalog
 * entries no rule can produce or no scenario exercised (actions, diagnoses, status codes, HTTPERR reasons).
 */
public record Coverage(int ruleCount, List<RuleInfo> neverFired, List<RuleInfo> neverShownSilent,
                       List<String> actionsNoRuleProduces, List<String> actionsNeverRecommended,
                       List<String> diagnosesNoRuleConcludes, List<String> diagnosesNeverConcluded,
                       List<String> statusCodesNotExercised, List<String> reasonsNotExercised) {

    /** Percentage of rules that fired in at least one scenario. */
    public double rulePercent() {
        return ruleCount == 0 ? 100.0 : 100.0 * (ruleCount - neverFired.size()) / ruleCount;
    }

    public String ruleSummary() {
        return String.format(Locale.ROOT, "%d of %d rules fired (%.1f%%)", ruleCount - neverFired.size(), ruleCount,
                rulePercent());
    }

    public static Coverage of(List<ScenarioResult> results, RuleBase rules, KnowledgeBase kb) {
        Set<String> fired = new TreeSet<>();
        Set<String> silent = new TreeSet<>();
        Set<String> recommended = new TreeSet<>();
        Set<String> codes = new TreeSet<>();
        Set<String> reasons = new TreeSet<>();
        Set<String> concluded = new TreeSet<>();
        for (ScenarioResult r : results) {
            concluded.addAll(r.exercised().diagnoses());
            fired.addAll(r.firedRules());
            recommended.addAll(r.exercised().actions());
            codes.addAll(r.exercised().statusCodes());
            reasons.addAll(r.exercised().reasons());
            var expectRules = r.scenario().scenario().expect().rules();
            if (r.passed() && expectRules != null) {
                silent.addAll(expectRules.notFiredOrEmpty());
            }
        }
        List<RuleInfo> neverFired = rules.rules().stream().filter(x -> !fired.contains(x.id())).toList();
        List<RuleInfo> neverSilent = rules.rules().stream().filter(x -> !silent.contains(x.id())).toList();
        Set<String> producible = CatalogReferences.producibleActions(rules, kb);
        List<String> unproducible = new ArrayList<>();
        List<String> neverRecommended = new ArrayList<>();
        for (ActionDefinition a : new TreeSet<>(kb.actions().stream().map(ActionDefinition::id).toList()).stream()
                .map(kb::action).toList()) {
            if (!producible.contains(a.id())) {
                unproducible.add(a.id() + " (" + a.source() + ")");
            } else if (!recommended.contains(a.id())) {
                neverRecommended.add(a.id() + " (" + a.source() + ")");
            }
        }
        Set<String> concludable = CatalogReferences.producibleDiagnoses(rules, kb);
        List<String> diagnosesUnreachable = new ArrayList<>();
        List<String> diagnosesLeft = new ArrayList<>();
        kb.diagnoses().stream().sorted(java.util.Comparator.comparing(DiagnosisDefinition::id)).forEach(d -> {
            if (!concludable.contains(d.id())) {
                diagnosesUnreachable.add(d.id() + " (" + d.source() + ")");
            } else if (!concluded.contains(d.id())) {
                diagnosesLeft.add(d.id() + " (" + d.source() + ")");
            }
        });
        List<String> codesLeft = kb.statusCodes().stream().map(StatusCodeInfo::code).filter(c -> !codes.contains(c))
                .sorted().toList();
        List<String> reasonsLeft = kb.reasons().stream().map(HttpErrReason::reason).filter(x -> !reasons.contains(x))
                .sorted().toList();
        return new Coverage(rules.rules().size(), neverFired, neverSilent, unproducible, neverRecommended,
                diagnosesUnreachable, diagnosesLeft, codesLeft, reasonsLeft);
    }
}
