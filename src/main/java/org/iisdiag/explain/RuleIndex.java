package org.iisdiag.explain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iisdiag.engine.CatalogReferences;
import org.iisdiag.engine.RuleBase;
import org.iisdiag.engine.RuleInfo;

/**
 * What each rule of a pack says, read from its DRL text: the facts its conditions match (and those
 * it requires to be absent), and the catalog ids it concludes. Used by explain and --why-not.
 */
public final class RuleIndex {

    /** A rule with its source block and what it matches and concludes. */
    public record Entry(RuleInfo info, String source, List<String> requires, List<String> requiresAbsent,
                        List<String> lookups, List<CatalogReferences.Reference> concludes, boolean recommendsFromCatalog) {
        /** Whether it concludes diagnoses whose id a catalog entry gives. */
        public boolean concludesFromCatalog() {
            return recommendsFromCatalog;
        }
    }

    private static final Pattern PATTERN = Pattern.compile("(?<![\\w.$])(not\\s+)?(?:\\$\\w+\\s*:\\s*)?([A-Z]\\w*)\\s*\\(");
    private static final List<String> NOT_FACTS = List.of("String", "Number", "Set", "List", "Math", "Integer", "Long");

    private final Map<String, Entry> byId = new LinkedHashMap<>();

    public RuleIndex(RuleBase ruleBase) {
        for (RuleInfo info : ruleBase.rules()) {
            String text = ruleBase.sources().get(info.file());
            String block = text == null ? "" : block(text, info.line());
            int when = block.indexOf("\nwhen");
            int then = block.indexOf("\nthen");
            String lhs = when >= 0 && then > when ? block.substring(when, then) : "";
            List<String> requires = new ArrayList<>();
            List<String> absent = new ArrayList<>();
            List<String> lookups = new ArrayList<>();
            Matcher m = PATTERN.matcher(lhs.replaceAll("//[^\n]*", ""));
            while (m.find()) {
                String type = m.group(2);
                if (NOT_FACTS.contains(type)) {
                    continue;
                }
                // catalog entries come "from kb...." look-ups, not from the case's facts
                List<String> into = isCatalogType(type) ? lookups : m.group(1) != null ? absent : requires;
                if (!into.contains(type)) {
                    into.add(type);
                }
            }
            List<CatalogReferences.Reference> refs = new ArrayList<>();
            for (CatalogReferences.Reference r : CatalogReferences.scan(block)) {
                refs.add(new CatalogReferences.Reference(r.kind(), r.id(), info.line() + r.line() - 1, r.column()));
            }
            byId.put(info.id(), new Entry(info, block, List.copyOf(requires), List.copyOf(absent), List.copyOf(lookups),
                    List.copyOf(refs),
                    refs.stream().anyMatch(r -> r.kind() == CatalogReferences.Kind.DIAGNOSIS && r.id() == null)));
        }
    }

    private static boolean isCatalogType(String simpleName) {
        try {
            Class.forName("org.iisdiag.knowledge." + simpleName, false, RuleIndex.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    public Entry rule(String id) {
        return byId.get(id);
    }

    public List<Entry> rules() {
        return List.copyOf(byId.values());
    }

    /** Rules that name this catalog id in a conclusion. */
    public List<Entry> concluding(CatalogReferences.Kind kind, String id) {
        return byId.values().stream()
                .filter(e -> e.concludes().stream().anyMatch(r -> r.kind() == kind && id.equals(r.id())))
                .toList();
    }

    /** Rules that conclude the diagnosis a catalog entry names (a status code's, an HTTPERR reason's ...). */
    public List<Entry> concludingFromCatalog() {
        return byId.values().stream().filter(Entry::concludesFromCatalog).toList();
    }

    /** The text of the rule starting at {@code line} (1-based), up to and including its "end" line. */
    static String block(String text, int line) {
        String[] lines = text.split("\n", -1);
        StringBuilder b = new StringBuilder();
        for (int i = line - 1; i < lines.length; i++) {
            b.append(lines[i]).append('\n');
            if (i > line - 1 && lines[i].strip().equals("end")) {
                break;
            }
        }
        return b.toString();
    }
}
