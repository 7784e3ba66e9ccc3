package org.iisdiag.knowledge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.iisdiag.facts.RecordEquality;
import org.iisdiag.schema.SchemaProblem;
import org.iisdiag.schema.Schemas;
import org.iisdiag.schema.YamlDocument;

/**
 * Reads one YAML catalog of the form {@code listKey: [entries]} (plus the other top-level keys its schema
 * allows) and checks it against its JSON Schema (knowledge-base/schemas/): required fields, types, enum
 * values, patterns and unknown keys are the schema's. Problems of the file itself are reported here at
 * their line; problems of an entry are kept with the entry, worded relative to it, so that the loader can
 * name the entry the way it names its own findings.
 */
public final class CatalogFile {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // the schema reports them, with the entry
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    /**
     * Path length of an entry's own fields (listKey, index, field): a required field missing there or of the
     * wrong type leaves the entry unusable; deeper (a step's text) the loader reads leniently and goes on.
     */
    private static final int ENTRY_FIELD_DEPTH = 3;
    /** Keys an entry is named by in messages, in this order, when it has one. */
    private static final List<String> NAME_KEYS = List.of("id", "code", "reason", "module", "hresult", "extension");

    /**
     * An entry with the line where it starts and what its schema says is wrong with it. {@code value} is
     * null when the entry cannot be read as {@code T} at all (a mapping where text belongs ...).
     */
    public record Located<T>(T value, String name, int line, List<Problem> problems, boolean complete) {
        /** No schema problem: the entry may be used. */
        public boolean valid() {
            return problems.isEmpty();
        }

        /** Readable and with every required field of the right type: checks across fields can run on it. */
        public boolean checkable() {
            return value != null && complete;
        }

        @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
        @Override public int hashCode() { return RecordEquality.hash(this); }
    }

    /** A schema problem of an entry: where in the file (line:column) and what, with fields named from the entry. */
    public record Problem(YamlDocument.Position at, String message) {
        @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
        @Override public int hashCode() { return RecordEquality.hash(this); }
    }

    /**
     * The entries of the list, the other top-level nodes by key, and the names of entries that could not be
     * read at all (so references to them are not reported a second time as unknown).
     */
    public record Content<T>(List<Located<T>> entries, Map<String, JsonNode> extras, Set<String> rejectedIds) {
        @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
        @Override public int hashCode() { return RecordEquality.hash(this); }
    }

    private CatalogFile() {
    }

    /** Reads {@code file}; a null {@code schema} skips validation (the file passed it before, unchanged). */
    public static <T> Content<T> read(Path file, String displayName, Schemas.Schema schema, String listKey, Class<T> type,
                                      List<String> problems) {
        List<Located<T>> entries = new ArrayList<>();
        Map<String, JsonNode> extras = new LinkedHashMap<>();
        Set<String> rejected = new LinkedHashSet<>();
        YamlDocument doc;
        boolean whole = true;
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.add(displayName + ": cannot read: " + e.getMessage());
            return new Content<>(entries, extras, rejected);
        }
        try {
            doc = YamlDocument.parse(YAML, bytes);
        } catch (JsonProcessingException e) {
            problems.add(displayName + ":" + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
                    + ": not valid YAML: " + syntaxMessage(e.getOriginalMessage()));
            doc = YamlDocument.salvage(YAML, bytes);
            whole = false;
        } catch (IOException e) {
            problems.add(displayName + ": cannot read: " + e.getMessage());
            return new Content<>(entries, extras, rejected);
        }
        YamlDocument read = doc;
        JsonNode root = doc.root();
        if (root == null || !root.isObject()) {
            if (whole) {
                problems.add(displayName + ":1: expected a mapping with key '" + listKey + "'");
            }
            return new Content<>(entries, extras, rejected);
        }
        Map<Integer, List<SchemaProblem>> byEntry = new LinkedHashMap<>();
        for (SchemaProblem p : schema == null ? List.<SchemaProblem>of() : Schemas.validate(schema, root)) {
            List<String> path = p.path();
            if (path.size() >= 2 && path.get(0).equals(listKey) && root.get(listKey).isArray()) {
                byEntry.computeIfAbsent(Integer.parseInt(path.get(1)), i -> new ArrayList<>()).add(p);
            } else if (whole) { // a file cut at a syntax error misses keys it has: only its entries are checked
                problems.add(fileProblem(displayName, doc, schema, listKey, p));
            }
        }
        root.properties().forEach(e -> {
            if (!e.getKey().equals(listKey)) {
                extras.put(e.getKey(), e.getValue());
            }
        });
        JsonNode list = root.get(listKey);
        if (list == null || !list.isArray()) {
            return new Content<>(entries, extras, rejected);
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            List<SchemaProblem> found = byEntry.getOrDefault(i, List.of());
            T value = null;
            try {
                value = node.isObject() ? YAML.treeToValue(node, type) : null;
            } catch (JsonProcessingException e) {
                // a value of the wrong type: the schema has said which
            }
            String name = name(node, i + 1);
            if (value == null) {
                rejected.add(name);
            }
            entries.add(new Located<>(value, name, doc.lineOf("/" + listKey + "/" + i),
                    found.stream().map(p -> new Problem(read.positionOf(p.subject()), p.message(2))).toList(),
                    found.stream().noneMatch(p -> p.missingOrWrongType() && p.path().size() <= ENTRY_FIELD_DEPTH)));
        }
        return new Content<>(entries, extras, rejected);
    }

    /** A problem of the file rather than of one entry, at the line of what it is about. */
    private static String fileProblem(String displayName, YamlDocument doc, Schemas.Schema schema, String listKey,
                                      SchemaProblem p) {
        if (p.path().isEmpty() && p.keyword().equals("additionalProperties")) {
            List<String> others = new ArrayList<>();
            schema.document().path("properties").fieldNames().forEachRemaining(k -> {
                if (!k.equals(listKey)) {
                    others.add(k);
                }
            });
            return displayName + ":" + doc.lineOf("/" + p.property()) + ": unknown top-level key '" + p.property()
                    + "' (expected '" + listKey + "'" + (others.isEmpty() ? "" : " or " + others) + ")";
        }
        if (p.path().isEmpty() && p.keyword().equals("required")) {
            return displayName + ":1: missing top-level key '" + p.property() + "'";
        }
        if (p.path().equals(List.of(listKey)) && p.keyword().equals("type")) {
            return displayName + ":" + doc.lineOf(p.pointer()) + ": expected a list";
        }
        return displayName + ":" + doc.positionOf(p.subject()) + ": " + p.message();
    }

    /** How messages name an entry: its id (or code, reason ...), else its position ("#3"). */
    private static String name(JsonNode node, int position) {
        for (String key : NAME_KEYS) {
            if (node.isObject() && node.hasNonNull(key) && node.get(key).isValueNode()) {
                return node.get(key).asText();
            }
        }
        return "#" + position;
    }

    /**
     * The parser's message on one line: SnakeYAML adds indented source excerpts with a caret and
     * "in 'reader', line n" marks, which the file:line prefix already gives.
     */
    static String syntaxMessage(String msg) {
        if (msg == null) {
            return "syntax error";
        }
        List<String> parts = new ArrayList<>();
        for (String line : msg.split("\\R")) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                parts.add(line.strip());
            }
        }
        return parts.isEmpty() ? msg.strip().replaceAll("\\s+", " ") : String.join(": ", parts);
    }
}
