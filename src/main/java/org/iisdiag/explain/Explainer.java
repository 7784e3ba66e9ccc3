package org.iisdiag.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.iisdiag.engine.CatalogReferences.Kind;
import org.iisdiag.knowledge.ActionDefinition;
import org.iisdiag.knowledge.FindingDefinition;
import org.iisdiag.knowledge.HttpErrReason;
import org.iisdiag.knowledge.KnowledgeBase;
import org.iisdiag.knowledge.QuestionDefinition;
import org.iisdiag.knowledge.StatusCodeInfo;

/** {@code iisdiag explain ID}: what an action, finding, question or rule is, who produces it and from what. */
public final class Explainer {
    private final KnowledgeBase kb;
    private final RuleIndex rules;

    public Explainer(KnowledgeBase kb, RuleIndex rules) {
        this.kb = kb;
        this.rules = rules;
    }

    /** The explanation, or empty when no action, finding, question or rule has this id. */
    public Optional<String> explain(String id) {
        StringBuilder b = new StringBuilder();
        ActionDefinition a = kb.action(id);
        if (a != null) {
            action(a, b);
        }
        FindingDefinition f = kb.finding(id);
        if (f != null) {
            section(b, "finding " + f.id(), f.source());
            b.append("  title:       ").append(f.title()).append('\n');
            b.append("  severity:    ").append(lower(f.severity())).append(" (rules may raise it per case)\n");
            b.append("  section:     ").append(f.section()).append('\n');
            b.append("  explanation: ").append(f.explanation().replaceAll("\\s+", " ")).append('\n');
            producers(b, rules.concluding(Kind.FINDING, id));
        }
        QuestionDefinition q = kb.question(id);
        if (q != null) {
            section(b, "question " + q.id(), q.source());
            b.append("  text:        ").append(q.text()).append('\n');
            b.append("  why:         ").append(q.why().replaceAll("\\s+", " ")).append('\n');
            if (q.answeredBy() != null) {
                b.append("  answered by: action ").append(q.answeredBy()).append('\n');
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
        kb.findings().forEach(x -> all.add(x.id()));
        kb.questions().forEach(x -> all.add(x.id()));
        rules.rules().forEach(x -> all.add(x.info().id()));
        return all.stream().filter(x -> distance(x, id) <= Math.max(2, id.length() / 4) || x.contains(id))
                .sorted(Comparator.comparingInt((String x) -> distance(x, id)).thenComparing(x -> x))
                .limit(5).toList();
    }

    private void action(ActionDefinition a, StringBuilder b) {
        section(b, "action " + a.id(), a.source());
        b.append("  title:       ").append(a.title()).append('\n');
        b.append("  section:     ").append(a.section()).append('\n');
        b.append("  kind:        ").append(lower(a.kind())).append("; cost ").append(lower(a.cost())).append("; risk ")
                .append(lower(a.risk())).append(a.changesServerState() ? "; changes the server (has revert steps)" : "")
                .append('\n');
        b.append("  why:         ").append(a.why().replaceAll("\\s+", " ")).append('\n');
        if (!a.params().isEmpty()) {
            b.append("  parameters:  ");
            List<String> ps = new ArrayList<>();
            a.params().forEach((k, v) -> ps.add("{" + k + "} (else \"" + v + "\")"));
            b.append(String.join(", ", ps)).append('\n');
        }
        producers(b, rules.concluding(Kind.ACTION, a.id()));
        List<String> codes = kb.statusCodes().stream().filter(s -> s.fixActions().contains(a.id()))
                .map(StatusCodeInfo::code).sorted().toList();
        List<String> reasons = kb.reasons().stream().filter(r -> r.fixActions().contains(a.id()))
                .map(HttpErrReason::reason).sorted().toList();
        if (!codes.isEmpty() || !reasons.isEmpty()) {
            b.append("  also recommended as the catalog's typical fix by:\n");
            for (RuleIndex.Entry e : rules.recommendingFromCatalog()) {
                b.append("    rule ").append(e.info().id()).append(" (").append(e.info().location()).append(")\n");
            }
            if (!codes.isEmpty()) {
                b.append("    when the IIS log shows ").append(String.join(", ", codes)).append(" (status-codes.yaml fixActions)\n");
            }
            if (!reasons.isEmpty()) {
                b.append("    when HTTPERR shows ").append(String.join(", ", reasons)).append(" (httperr-reasons.yaml fixActions)\n");
            }
        }
        kb.questions().stream().filter(q -> a.id().equals(q.answeredBy())).forEach(q ->
                b.append("  answers question ").append(q.id()).append('\n'));
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
        b.append("  concludes:   ").append(concl.isEmpty() ? "(nothing)" : String.join(", ", concl)).append('\n');
        b.append("  source:\n");
        r.source().lines().forEach(l -> b.append("    ").append(l).append('\n'));
    }

    private static void producers(StringBuilder b, List<RuleIndex.Entry> producers) {
        if (producers.isEmpty()) {
            b.append("  produced by: no rule names it directly\n");
            return;
        }
        b.append("  produced by:\n");
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
