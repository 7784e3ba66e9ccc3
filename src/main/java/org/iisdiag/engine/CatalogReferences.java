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
            Pattern.compile("\\b(diagnose|ask)\\s*\\(\\s*kcontext\\s*,\\s*(\"([^\"]*)\"|[^,)]+)");
    /**
     * know(kcontext, target, "revelation", ...) and planAnswer(kcontext, question, "action"): the id is the
     * third argument.
     */
    private static final Pattern THIRD =
            Pattern.compile("\\b(know|planAnswer)\\s*\\(\\s*kcontext\\s*,\\s*[^,]+,\\s*(\"([^\"]*)\"|[^,)]+)");

    private CatalogReferences() {
    }

    public static List<Reference> scan(String drl) {
        List<Reference> refs = new ArrayList<>();
        SourceLines lines = new SourceLines(drl);
        Matcher m = CALL.matcher(drl);
        while (m.find()) {
            Kind kind = m.group(1).equals("diagnose") ? Kind.DIAGNOSIS : Kind.QUESTION;
            add(refs, kind, drl, lines, m.start(), m.start(2));
        }
        Matcher k = THIRD.matcher(drl);
        while (k.find()) {
            add(refs, k.group(1).equals("know") ? Kind.REVELATION : Kind.ACTION, drl, lines, k.start(), k.start(2));
        }
        refs.sort(java.util.Comparator.comparingInt(Reference::line).thenComparingInt(Reference::column));
        return refs;
    }

    /** A literal id after '?' or ':' of a conditional id argument ({@code $on ? "a" : "b"}). */
    private static final Pattern CHOICE = Pattern.compile("[?:]\\s*\"([^\"]*)\"");

    /**
     * The references of one call whose id argument starts at {@code arg}: the literal, or each literal a
     * conditional chooses between (so they are checked too), or one reference without an id when the id is
     * computed (taken from a catalog field, checked when that catalog loads).
     */
    private static void add(List<Reference> refs, Kind kind, String drl, SourceLines lines, int call, int arg) {
        int line = lines.lineOf(call);
        int column = call - drl.lastIndexOf('\n', call - 1);
        String text = argument(drl, arg);
        if (text.startsWith("\"") && text.endsWith("\"") && text.length() >= 2 && text.indexOf('"', 1) == text.length() - 1) {
            refs.add(new Reference(kind, text.substring(1, text.length() - 1), line, column));
            return;
        }
        Matcher c = CHOICE.matcher(text);
        boolean any = false;
        while (c.find()) {
            refs.add(new Reference(kind, c.group(1), line, column));
            any = true;
        }
        if (!any) {
            refs.add(new Reference(kind, null, line, column));
        }
    }

    /** The argument starting at {@code from}: up to the comma or closing parenthesis at its own depth. */
    static String argument(String drl, int from) {
        int depth = 0;
        boolean quoted = false;
        for (int i = from; i < drl.length(); i++) {
            char ch = drl.charAt(i);
            if (quoted) {
                if (ch == '\\') {
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')' || ch == ',') {
                if (depth == 0) {
                    return drl.substring(from, i).strip();
                }
                if (ch == ')') {
                    depth--;
                }
            }
        }
        return drl.substring(from).strip();
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
        for (List<Reference> refs : rules.catalogReferences().values()) {
            for (Reference ref : refs) {
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
            kb.modules().forEach(m -> diagnoses.addAll(m.diagnoses()));
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
        for (List<Reference> refs : rules.catalogReferences().values()) {
            for (Reference ref : refs) {
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
            kb.modules().forEach(m -> out.addAll(m.diagnoses()));
            kb.configErrors().forEach(c -> out.add(c.diagnosis()));
            kb.exceptionSignatures().forEach(s -> out.add(s.diagnosis()));
            kb.exceptionCodes().forEach(c -> out.add(c.diagnosis()));
        }
        out.remove("");
        return out;
    }

}
