package org.iisdiag.engine;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the rule files say about themselves, read from their text: the line where each rule is declared, and
 * the catalog ids each file names (see {@link CatalogReferences}). It follows from the sources alone, so the
 * compiled-rule cache keeps it next to the packages under the same key: a warm start does not run the
 * regular expressions over 270 KB of DRL again (they were a tenth of its critical path).
 */
final class SourceIndex {
    private static final Pattern PACKAGE_DECL = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)");
    /** The package Drools puts rules in when a file declares none. */
    private static final String DEFAULT_PACKAGE = "defaultpkg";

    /** Where a rule is declared: its file's display name and 1-based line. */
    record Location(String file, int line) {
    }

    /** By package and rule name (names are unique per package only). */
    private final Map<String, Location> rules;
    /** By file, in the sources' order; each file's references in line order. */
    private final Map<String, List<CatalogReferences.Reference>> references;

    private SourceIndex(Map<String, Location> rules, Map<String, List<CatalogReferences.Reference>> references) {
        this.rules = rules;
        this.references = Collections.unmodifiableMap(references);
    }

    static SourceIndex of(Map<String, String> sources) {
        Map<String, Location> rules = new HashMap<>();
        Map<String, List<CatalogReferences.Reference>> references = new LinkedHashMap<>();
        sources.forEach((file, text) -> {
            Matcher pkg = PACKAGE_DECL.matcher(text);
            String packageName = pkg.find() ? pkg.group(1) : DEFAULT_PACKAGE;
            Matcher m = RuleFiles.RULE_DECL.matcher(text);
            SourceLines lines = new SourceLines(text);
            while (m.find()) {
                rules.put(key(packageName, RuleFiles.ruleName(m)), new Location(file, lines.lineOf(m.start(1))));
            }
            references.put(file, List.copyOf(CatalogReferences.scan(text)));
        });
        return new SourceIndex(rules, references);
    }

    /** Where the rule is declared, or null when no source declares it. */
    Location where(String packageName, String ruleName) {
        return rules.get(key(packageName, ruleName));
    }

    /** The catalog references of each file, by display name. */
    Map<String, List<CatalogReferences.Reference>> references() {
        return references;
    }

    private static String key(String packageName, String ruleName) {
        return packageName + "\u0000" + ruleName;
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeInt(rules.size());
        for (Map.Entry<String, Location> e : new java.util.TreeMap<>(rules).entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue().file());
            out.writeInt(e.getValue().line());
        }
        out.writeInt(references.size());
        for (Map.Entry<String, List<CatalogReferences.Reference>> e : references.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue().size());
            for (CatalogReferences.Reference r : e.getValue()) {
                out.writeByte(r.kind().ordinal());
                out.writeBoolean(r.id() != null);
                if (r.id() != null) {
                    out.writeUTF(r.id());
                }
                out.writeInt(r.line());
                out.writeInt(r.column());
            }
        }
    }

    static SourceIndex readFrom(DataInput in) throws IOException {
        int ruleCount = count(in);
        Map<String, Location> rules = new HashMap<>(ruleCount * 2);
        for (int i = 0; i < ruleCount; i++) {
            String key = in.readUTF();
            rules.put(key, new Location(in.readUTF(), in.readInt()));
        }
        int fileCount = count(in);
        CatalogReferences.Kind[] kinds = CatalogReferences.Kind.values();
        Map<String, List<CatalogReferences.Reference>> references = new LinkedHashMap<>();
        for (int f = 0; f < fileCount; f++) {
            String file = in.readUTF();
            int n = count(in);
            List<CatalogReferences.Reference> refs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int kind = in.readUnsignedByte();
                if (kind >= kinds.length) {
                    throw new IOException("unknown reference kind " + kind);
                }
                String id = in.readBoolean() ? in.readUTF() : null;
                refs.add(new CatalogReferences.Reference(kinds[kind], id, in.readInt(), in.readInt()));
            }
            references.put(file, List.copyOf(refs));
        }
        return new SourceIndex(rules, references);
    }

    private static int count(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1_000_000) {
            throw new IOException("implausible count " + n);
        }
        return n;
    }
}
