package org.iisdiag.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the catalog ids a DRL file names through the conclusion functions
 * ({@code recommend(kcontext, "id", ...)}, {@code finding(...)}, {@code ask(...)}), with their lines,
 * so an unknown id is a load error rather than a surprise at run time.
 */
public final class CatalogReferences {
    public enum Kind { ACTION, FINDING, QUESTION }

    /** A catalog id named in a rule file, with the 1-based line and column of the call. */
    public record Reference(Kind kind, String id, int line, int column) {
    }

    private static final Pattern CALL =
            Pattern.compile("\\b(recommend|finding|statusFinding|ask)\\s*\\(\\s*kcontext\\s*,\\s*(\"([^\"]*)\"|[^,)]+)");

    private CatalogReferences() {
    }

    public static List<Reference> scan(String drl) {
        List<Reference> refs = new ArrayList<>();
        Matcher m = CALL.matcher(drl);
        while (m.find()) {
            Kind kind = switch (m.group(1)) {
                case "recommend" -> Kind.ACTION;
                case "finding", "statusFinding" -> Kind.FINDING;
                default -> Kind.QUESTION;
            };
            String id = m.group(3) != null ? m.group(3) : null;
            refs.add(new Reference(kind, id, lineOf(drl, m.start()), m.start() - drl.lastIndexOf('\n', m.start() - 1)));
        }
        return refs;
    }

    /**
     * Actions some rule can recommend: named literally in a rule, or listed in a catalog's
     * fixActions when some rule recommends from fixActions.
     */
    public static java.util.Set<String> producibleActions(RuleBase rules, org.iisdiag.knowledge.KnowledgeBase kb) {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        boolean viaCatalog = false;
        for (String text : rules.sources().values()) {
            for (Reference ref : scan(text)) {
                if (ref.kind() == Kind.ACTION && ref.id() != null) {
                    ids.add(ref.id());
                }
                // a non-literal id is taken from a catalog's fixActions list
                viaCatalog |= ref.kind() == Kind.ACTION && ref.id() == null;
            }
        }
        if (viaCatalog) {
            kb.statusCodes().forEach(s -> ids.addAll(s.fixActions()));
            kb.reasons().forEach(r -> ids.addAll(r.fixActions()));
            kb.modules().forEach(m -> ids.addAll(m.fixActions()));
            kb.configErrors().forEach(c -> ids.addAll(c.fixActions()));
        }
        return ids;
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
