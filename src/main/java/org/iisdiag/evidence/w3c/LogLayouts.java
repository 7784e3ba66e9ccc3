package org.iisdiag.evidence.w3c;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The catalog of known IIS, HTTPERR and FTP log layouts ({@code log-layouts.yaml}): what a line that no
 * {@code #Fields} directive describes is matched against. The copy built into the jar is the default;
 * a {@code log-layouts.yaml} in the knowledge-base folder in use replaces it. Parsed once, on first
 * need: most logs have their #Fields and never ask, so a case without headerless lines never parses it.
 */
public final class LogLayouts {
    /** The file name in the knowledge-base folder, and of the built-in copy beside this class. */
    public static final String FILE = "log-layouts.yaml";
    private static final KnownLayout[] NONE = {};
    private static final Set<String> LAYOUT_KEYS = Set.of("name", "kind", "description", "fields");

    private final java.util.function.Supplier<Contents> source;
    private Contents contents; // parsed on first need

    /** The parsed catalog. */
    private static final class Contents {
        final List<KnownLayout> all;
        final Map<LogKind, Map<Integer, KnownLayout[]>> byCount = new EnumMap<>(LogKind.class);
        final Map<KnownLayout, Integer> index = new java.util.IdentityHashMap<>();

        Contents(List<KnownLayout> all) {
            this.all = List.copyOf(all);
            Map<LogKind, Map<Integer, List<KnownLayout>>> lists = new EnumMap<>(LogKind.class);
            for (KnownLayout k : all) {
                index.put(k, index.size());
                lists.computeIfAbsent(k.kind(), x -> new HashMap<>()).computeIfAbsent(k.size(), x -> new ArrayList<>()).add(k);
            }
            lists.forEach((kind, m) -> {
                Map<Integer, KnownLayout[]> arrays = new HashMap<>();
                m.forEach((n, l) -> arrays.put(n, l.toArray(KnownLayout[]::new)));
                byCount.put(kind, arrays);
            });
        }
    }

    private LogLayouts(java.util.function.Supplier<Contents> source) {
        this.source = source;
    }

    private synchronized Contents contents() {
        if (contents == null) {
            contents = source.get();
        }
        return contents;
    }

    private static final LogLayouts BUILT_IN = new LogLayouts(() -> {
        try (InputStream in = LogLayouts.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException("the built-in " + FILE + " is missing from the jar");
            }
            return read(in, FILE + " (built in)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    });

    /** The catalog shipped in the jar. */
    public static LogLayouts builtIn() {
        return BUILT_IN;
    }

    /** The knowledge-base folder's {@code log-layouts.yaml} when it has one (read on first need), else the built-in catalog. */
    public static LogLayouts forKnowledgeBase(Path kbDir) {
        Path file = kbDir == null ? null : kbDir.resolve(FILE);
        if (file == null || !Files.isRegularFile(file)) {
            return builtIn();
        }
        return new LogLayouts(() -> {
            try (InputStream in = Files.newInputStream(file)) {
                return read(in, file.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Parses a catalog now; a malformed one fails with the file and the entry at fault. */
    public static LogLayouts parse(InputStream in, String source) throws IOException {
        Contents c = read(in, source);
        return new LogLayouts(() -> c);
    }

    private static Contents read(InputStream in, String source) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
        if (root == null || !root.path("layouts").isArray()) {
            throw new IllegalArgumentException(source + ": no 'layouts' list");
        }
        Map<String, FieldType> types = new HashMap<>();
        root.path("types").fields().forEachRemaining(e -> types.put(e.getKey().toLowerCase(Locale.ROOT),
                type(source, "types." + e.getKey(), e.getValue().asText())));
        List<KnownLayout> layouts = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        for (JsonNode n : root.path("layouts")) {
            String name = n.path("name").asText("");
            String where = source + ": layout '" + name + "'";
            n.fieldNames().forEachRemaining(k -> {
                if (!LAYOUT_KEYS.contains(k)) {
                    throw new IllegalArgumentException(where + ": unknown key '" + k + "'");
                }
            });
            if (name.isEmpty() || !names.add(name)) {
                throw new IllegalArgumentException(where + ": a layout needs a unique name");
            }
            LogKind kind;
            try {
                kind = LogKind.valueOf(n.path("kind").asText("").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": kind must be iis, httperr or ftp");
            }
            String fields = n.path("fields").asText("").trim();
            if (fields.isEmpty()) {
                throw new IllegalArgumentException(where + ": no fields");
            }
            String description = n.path("description").asText(name);
            W3cLayout layout = W3cLayout.of(fields, "layout " + name + " (" + description + ")");
            FieldType[] t = layout.names().stream()
                    .map(f -> types.getOrDefault(f.toLowerCase(Locale.ROOT), FieldType.TEXT)).toArray(FieldType[]::new);
            layouts.add(new KnownLayout(name, kind, description, layout, t));
        }
        return new Contents(layouts);
    }

    private static FieldType type(String source, String key, String name) {
        try {
            return FieldType.named(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + key + ": unknown type '" + name + "'");
        }
    }

    /** Position of a layout of this catalog in {@link #all()}. */
    int index(KnownLayout k) {
        return contents().index.get(k);
    }

    public List<KnownLayout> all() {
        return contents().all;
    }

    /** The layouts of a kind with {@code fieldCount} fields, in catalog order. */
    public KnownLayout[] candidates(LogKind kind, int fieldCount) {
        Map<Integer, KnownLayout[]> m = contents().byCount.get(kind);
        KnownLayout[] c = m == null ? null : m.get(fieldCount);
        return c == null ? NONE : c;
    }

    /** An IIS FTP log by its directives: the FTP service's #Software, or its x-session / x-fullpath fields. */
    public static boolean ftpDirectives(String head) {
        for (String line : (Iterable<String>) head.lines()::iterator) {
            String l = line.toLowerCase(Locale.ROOT);
            if (l.startsWith("#software:") && l.contains("ftp")
                    || l.startsWith("#fields:") && (l.contains("x-session") || l.contains("x-fullpath"))) {
                return true;
            }
        }
        return false;
    }

    /** The kind of log by the shape of the first data lines of the head of a file (directives skipped), or null. */
    public LogKind kindByShape(String head) {
        return kindOfDataLines(head.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).limit(10).toList());
    }

    /**
     * The kind of log whose data lines these are, by their shape: the kind of the known layouts that
     * most of the first lines fit, or null when none fits.
     */
    public LogKind kindOfDataLines(List<String> lines) {
        Map<LogKind, Integer> votes = new EnumMap<>(LogKind.class);
        for (String line : lines) {
            String[] fields = line.strip().split(" ");
            for (KnownLayout k : all()) {
                if (k.fits(fields)) {
                    votes.merge(k.kind(), 1, Integer::sum);
                    break;
                }
            }
        }
        return votes.entrySet().stream().max(Map.Entry.<LogKind, Integer>comparingByValue()
                        .thenComparing(e -> -e.getKey().ordinal()))
                .map(Map.Entry::getKey).orElse(null);
    }
}
