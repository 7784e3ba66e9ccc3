package org.iisdiag.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.iisdiag.engine.CatalogReferences.Kind;
import org.iisdiag.knowledge.ActionDefinition;
import org.iisdiag.knowledge.DiagnosisDefinition;
import org.iisdiag.knowledge.KnowledgeBase;
import org.iisdiag.knowledge.QuestionDefinition;
import org.iisdiag.knowledge.Step;

/**
 * {@code iisdiag explain ID}: what a diagnosis, action, question or rule is, what leads to it and what
 * follows from it: a diagnosis's plan and the rules and catalog entries that conclude it; the diagnoses
 * whose plans name an action; a rule's conditions and conclusions.
 */
public final class Explainer {
    private final KnowledgeBase kb;
    private final RuleIndex rules;

    public Explainer(KnowledgeBase kb, RuleIndex rules) {
        this.kb = kb;
        this.rules = rules;
    }

    /** The explanation, or empty when no diagnosis, action, question or rule has this id. */
    public Optional<String> explain(String id) {
        StringBuilder b = new StringBuilder();
        DiagnosisDefinition d = kb.diagnosis(id);
        if (d != null) {
            diagnosis(d, b);
        }
        ActionDefinition a = kb.action(id);
        if (a != null) {
            action(a, b);
        }
        QuestionDefinition q = kb.question(id);
        if (q != null) {
            section(b, "question " + q.id(), q.source());
            b.append("  text:        ").append(q.text()).append('\n');
            b.append("  why:         ").append(q.why().replaceAll("\\s+", " ")).append('\n');
            if (q.answeredBy() != null) {
                b.append("  answered by: action ").append(q.answeredBy()).append(" (tier 3)\n");
            }
            producers(b, rules.concluding(Kind.QUESTION, id));
        }
        RuleIndex.Entry r = rules.rule(id);
        if (r != null) {
            rule(r, b);
        }
        return b.length() == 0 ? Optional.empty() : Optional.of(b.toString());
    }

    /** Ids that look like {@code id}, for "did you mean". */
    public List<String> suggestions(String id) {
        TreeSet<String> all = new TreeSet<>();
        kb.actions().forEach(x -> all.add(x.id()));
        kb.diagnoses().forEach(x -> all.add(x.id()));
        kb.questions().forEach(x -> all.add(x.id()));
        rules.rules().forEach(x -> all.add(x.info().id()));
        return all.stream().filter(x -> distance(x, id) <= Math.max(2, id.length() / 4) || x.contains(id))
                .sorted(Comparator.comparingInt((String x) -> distance(x, id)).thenComparing(x -> x))
                .limit(5).toList();
    }

    private void diagnosis(DiagnosisDefinition d, StringBuilder b) {
        section(b, "diagnosis " + d.id(), d.source());
        b.append("  title:       ").append(d.title()).append('\n');
        b.append("  severity:    ").append(lower(d.severity())).append('\n');
        b.append("  section:     ").append(d.section()).append('\n');
        b.append("  explanation: ").append(d.explanation().replaceAll("\\s+", " ")).append('\n');
        b.append("  plan (tier 1 when confirmed, 2 when probable, 3 when possible or seen only a handful of times; "
                + "if-not-fixed in tier 4):\n");
        for (DiagnosisDefinition.PlanStep s : d.steps()) {
            ActionDefinition a = kb.action(s.actionId());
            b.append("    ").append(s.role().key()).append(": ").append(s.actionId());
            if (a != null && !a.reveals().isEmpty()) {
                // only collection steps are left out when the case shows what they reveal (rules/planning)
                boolean collects = s.role() == org.iisdiag.conclusions.PlanRole.COLLECT
                        || s.role() == org.iisdiag.conclusions.PlanRole.IF_NOT_FIXED;
                b.append(" (reveals ").append(String.join(", ", a.reveals()))
                        .append(collects ? "; left out when all of it is known)" : ")");
            }
            b.append('\n');
        }
        producers(b, rules.concluding(Kind.DIAGNOSIS, d.id()));
        List<String> routes = catalogRoutes(d.id());
        if (!routes.isEmpty()) {
            b.append("  also concluded from catalog entries, by:\n");
            for (RuleIndex.Entry e : rules.concludingFromCatalog()) {
                b.append("    rule ").append(e.info().id()).append(" (").append(e.info().location()).append(")\n");
            }
            routes.forEach(x -> b.append("    ").append(x).append('\n'));
        }
    }

    /** Which catalog entries name this diagnosis. */
    private List<String> catalogRoutes(String diagnosisId) {
        List<String> out = new ArrayList<>();
        List<String> codes = kb.statusCodes().stream().filter(s -> s.diagnosis().equals(diagnosisId)).map(s -> s.code()).sorted().toList();
        if (!codes.isEmpty()) {
            out.add("status codes (status-codes.yaml): " + String.join(", ", codes));
        }
        List<String> reasons = kb.reasons().stream().filter(r -> r.diagnosis().equals(diagnosisId)).map(r -> r.reason()).sorted().toList();
        if (!reasons.isEmpty()) {
            out.add("HTTPERR reasons (httperr-reasons.yaml): " + String.join(", ", reasons));
        }
        kb.configErrors().stream().filter(c -> c.diagnosis().equals(diagnosisId))
                .forEach(c -> out.add("500.19 HRESULT " + c.hresult() + " (config-errors.yaml)"));
        kb.modules().stream().filter(m -> m.names(diagnosisId))
                .forEach(m -> out.add("FREB module " + m.module() + " (freb-modules.yaml)"));
        kb.exceptionSignatures().stream().filter(s -> s.diagnosis().equals(diagnosisId))
                .forEach(s -> out.add("exception signature " + s.id() + " (exception-signatures.yaml)"));
        kb.exceptionCodes().stream().filter(c -> c.diagnosis().equals(diagnosisId))
                .forEach(c -> out.add("crash exception code " + c.code() + " " + c.name() + " (exception-codes.yaml)"));
        return out;
    }

    private void action(ActionDefinition a, StringBuilder b) {
        section(b, "action " + a.id(), a.source());
        b.append("  title:       ").append(a.title()).append('\n');
        b.append("  section:     ").append(a.section()).append('\n');
        b.append("  kind:        ").append(lower(a.kind())).append("; cost ").append(lower(a.cost())).append("; risk ")
                .append(lower(a.risk())).append(a.changesServerState() ? "; changes the server (has revert steps)" : "")
                .append("; one per ").append(lower(a.scope())).append('\n');
        b.append("  why:         ").append(a.why().replaceAll("\\s+", " ")).append('\n');
        if (!a.reveals().isEmpty()) {
            b.append("  reveals:     ").append(String.join(", ", a.reveals()))
                    .append(" (not recommended when the case already shows all of it)\n");
        }
        a.requires().forEach(r -> b.append("  requires:    ").append(r.actionId())
                .append(r.condition().always() ? "" : " when " + describe(r.condition())).append('\n'));
        if (!a.params().isEmpty()) {
            b.append("  parameters:  ");
            List<String> ps = new ArrayList<>();
            a.params().forEach((k, v) -> ps.add("{" + k + "} (else \"" + v + "\")"));
            b.append(String.join(", ", ps)).append('\n');
        }
        for (Step s : a.steps()) {
            if (!s.condition().always()) {
                b.append("  step only ").append(describe(s.condition())).append(": ")
                        .append(cut(s.text().replaceAll("\\s+", " "), 80)).append('\n');
            }
        }
        List<String> planners = kb.diagnoses().stream()
                .filter(d -> d.steps().stream().anyMatch(s -> s.actionId().equals(a.id())))
                .map(d -> d.id() + " (" + d.steps().stream().filter(s -> s.actionId().equals(a.id()))
                        .map(s -> s.role().key()).distinct().reduce((x, y) -> x + ", " + y).orElse("") + ")")
                .sorted().toList();
        b.append("  planned by:  ").append(planners.isEmpty() ? "no diagnosis" : String.join(", ", planners)).append('\n');
        kb.actions().stream().filter(o -> o.requires().stream().anyMatch(r -> r.actionId().equals(a.id())))
                .forEach(o -> b.append("  required by: action ").append(o.id()).append('\n'));
        kb.questions().stream().filter(q -> a.id().equals(q.answeredBy())).forEach(q ->
                b.append("  answers question ").append(q.id()).append('\n'));
    }

    private static String describe(org.iisdiag.knowledge.Condition c) {
        List<String> parts = new ArrayList<>();
        c.when().forEach((k, v) -> parts.add(k + " is " + String.join(" or ", v)));
        c.unless().forEach((k, v) -> parts.add(k + " is not " + String.join(" or ", v)));
        return String.join(" and ", parts);
    }

    private void rule(RuleIndex.Entry r, StringBuilder b) {
        section(b, "rule " + r.info().id(), r.info().location());
        b.append("  name:        ").append(r.info().name()).append('\n');
        b.append("  section:     ").append(r.info().section()).append('\n');
        b.append("  matches:     ").append(r.requires().isEmpty() ? "(no facts)" : String.join(", ", r.requires())).append('\n');
        if (!r.requiresAbsent().isEmpty()) {
            b.append("  requires no: ").append(String.join(", ", r.requiresAbsent())).append('\n');
        }
        if (!r.lookups().isEmpty()) {
            b.append("  looks up:    ").append(String.join(", ", r.lookups())).append(" (catalog entries)\n");
        }
        List<String> concl = r.concludes().stream().map(c -> lower(c.kind()) + " " + (c.id() == null ? "(from the catalog)" : c.id()))
                .distinct().toList();
        b.append("  concludes:   ").append(concl.isEmpty() ? "(named facts, tiers or weights)" : String.join(", ", concl)).append('\n');
        b.append("  source:\n");
        r.source().lines().forEach(l -> b.append("    ").append(l).append('\n'));
    }

    private static void producers(StringBuilder b, List<RuleIndex.Entry> producers) {
        if (producers.isEmpty()) {
            b.append("  concluded by: no rule names it directly\n");
            return;
        }
        b.append("  concluded by:\n");
        for (RuleIndex.Entry e : producers) {
            b.append("    rule ").append(e.info().id()).append(" (").append(e.info().location()).append("), when ")
                    .append(e.requires().isEmpty() ? "(no facts)" : String.join(" + ", e.requires()))
                    .append(e.requiresAbsent().isEmpty() ? "" : " and no " + String.join(", no ", e.requiresAbsent()))
                    .append('\n');
        }
    }

    private static void section(StringBuilder b, String title, String where) {
        if (b.length() > 0) {
            b.append('\n');
        }
        b.append(title).append("  (defined at ").append(where).append(")\n");
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(java.util.Locale.ROOT);
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
