package org.iisdiag.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the catalog ids a DRL file names through the conclusion functions
 * ({@code diagnose(kcontext, "id", ...)}, {@code ask(kcontext, "id", ...)}, {@code know(kcontext, $t,
 * "revelation", ...)}), with their lines, so an unknown id is a load error rather than a surprise at run time.
 */
public final class CatalogReferences {
    public enum Kind { ACTION, DIAGNOSIS, QUESTION, REVELATION }

    /** A catalog id named in a rule file, with the 1-based line and column of the call. */
    public record Reference(Kind kind, String id, int line, int column) {
    }

    private static final Pattern CALL =
            Pattern.compile("\\b(diagnose|ask|planAnswer)\\s*\\(\\s*kcontext\\s*,\\s*(\"([^\"]*)\"|[^,)]+)");
    /** know(kcontext, target, "revelation", ...): the id is the third argument. */
    private static final Pattern KNOW =
            Pattern.compile("\\bknow\\s*\\(\\s*kcontext\\s*,\\s*[^,]+,\\s*(\"([^\"]*)\"|[^,)]+)");

    private CatalogReferences() {
    }

    public static List<Reference> scan(String drl) {
        List<Reference> refs = new ArrayList<>();
        Matcher m = CALL.matcher(drl);
        while (m.find()) {
            Kind kind = switch (m.group(1)) {
                case "diagnose" -> Kind.DIAGNOSIS;
                case "planAnswer" -> Kind.ACTION;
                default -> Kind.QUESTION;
            };
            String id = m.group(3) != null ? m.group(3) : null;
            refs.add(new Reference(kind, id, lineOf(drl, m.start()), m.start() - drl.lastIndexOf('\n', m.start() - 1)));
        }
        Matcher k = KNOW.matcher(drl);
        while (k.find()) {
            refs.add(new Reference(Kind.REVELATION, k.group(2), lineOf(drl, k.start()),
                    k.start() - drl.lastIndexOf('\n', k.start() - 1)));
        }
        refs.sort(java.util.Comparator.comparingInt(Reference::line).thenComparingInt(Reference::column));
        return refs;
    }

    /**
     * Actions some rule can lead to: every action in the plan of a diagnosis some rule concludes (by a
     * literal id, or through a catalog field such as a status code's diagnosis when some rule concludes
     * from one), their prerequisites, and the answers of questions.
     */
    public static java.util.Set<String> producibleActions(RuleBase rules, org.iisdiag.knowledge.KnowledgeBase kb) {
        java.util.Set<String> diagnoses = new java.util.TreeSet<>();
        java.util.Set<String> ids = new java.util.TreeSet<>();
        boolean viaCatalog = false;
        for (String text : rules.sources().values()) {
            for (Reference ref : scan(text)) {
                if (ref.kind() == Kind.DIAGNOSIS && ref.id() != null) {
                    diagnoses.add(ref.id());
                }
                if (ref.kind() == Kind.ACTION && ref.id() != null) {
                    ids.add(ref.id());
                }
                viaCatalog |= ref.kind() == Kind.DIAGNOSIS && ref.id() == null;
            }
        }
        if (viaCatalog) {
            kb.statusCodes().forEach(s -> diagnoses.add(s.diagnosis()));
            kb.reasons().forEach(r -> diagnoses.add(r.diagnosis()));
            kb.modules().forEach(m -> diagnoses.add(m.diagnosis()));
            kb.configErrors().forEach(c -> diagnoses.add(c.diagnosis()));
            kb.exceptionSignatures().forEach(s -> diagnoses.add(s.diagnosis()));
            kb.exceptionCodes().forEach(c -> diagnoses.add(c.diagnosis()));
        }
        for (String d : diagnoses) {
            kb.plan(d).forEach(step -> ids.add(step.actionId()));
        }
        kb.questions().forEach(q -> {
            if (q.answeredBy() != null) {
                ids.add(q.answeredBy());
            }
        });
        // prerequisites of what can be planned, transitively
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(ids);
        while (!todo.isEmpty()) {
            var a = kb.action(todo.pop());
            if (a != null) {
                a.requires().forEach(r -> {
                    if (ids.add(r.actionId())) {
                        todo.push(r.actionId());
                    }
                });
            }
        }
        ids.remove("");
        return ids;
    }

    /** Diagnoses some rule can conclude, named literally or through a catalog field. */
    public static java.util.Set<String> producibleDiagnoses(RuleBase rules, org.iisdiag.knowledge.KnowledgeBase kb) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        boolean viaCatalog = false;
        for (String text : rules.sources().values()) {
            for (Reference ref : scan(text)) {
                if (ref.kind() == Kind.DIAGNOSIS) {
                    if (ref.id() != null) {
                        out.add(ref.id());
                    } else {
                        viaCatalog = true;
                    }
                }
            }
        }
        if (viaCatalog) {
            kb.statusCodes().forEach(s -> out.add(s.diagnosis()));
            kb.reasons().forEach(r -> out.add(r.diagnosis()));
            kb.modules().forEach(m -> out.add(m.diagnosis()));
            kb.configErrors().forEach(c -> out.add(c.diagnosis()));
            kb.exceptionSignatures().forEach(s -> out.add(s.diagnosis()));
            kb.exceptionCodes().forEach(c -> out.add(c.diagnosis()));
        }
        out.remove("");
        return out;
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
