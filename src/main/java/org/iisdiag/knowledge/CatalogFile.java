package org.iisdiag.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads one YAML catalog of the form {@code listKey: [entries]} (plus allowed extra top-level keys),
 * keeping each entry's line so that every error can name file:line and the entry.
 */
public final class CatalogFile {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** An entry with the line where it starts. */
    public record Located<T>(T value, int line) {
    }

    /**
     * The entries of the list, the other allowed top-level nodes by key, and the ids of entries that were
     * reported as unreadable (so references to them are not reported a second time as unknown).
     */
    public record Content<T>(List<Located<T>> entries, Map<String, JsonNode> extras, Set<String> rejectedIds) {
    }

    private CatalogFile() {
    }

    public static <T> Content<T> read(Path file, String displayName, String listKey, Class<T> type,
                                      Set<String> allowedExtras, List<String> problems) {
        List<Located<T>> entries = new ArrayList<>();
        Map<String, JsonNode> extras = new LinkedHashMap<>();
        Set<String> rejected = new LinkedHashSet<>();
        try (InputStream in = Files.newInputStream(file); JsonParser p = YAML.getFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                problems.add(displayName + ":1: expected a mapping with key '" + listKey + "'");
                return new Content<>(entries, extras, rejected);
            }
            boolean sawList = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int keyLine = p.currentLocation().getLineNr();
                p.nextToken();
                if (key.equals(listKey)) {
                    sawList = true;
                    readList(p, displayName, type, entries, rejected, problems);
                } else if (allowedExtras.contains(key)) {
                    extras.put(key, YAML.readTree(p));
                } else {
                    problems.add(displayName + ":" + keyLine + ": unknown top-level key '" + key + "' (expected '"
                            + listKey + "'" + (allowedExtras.isEmpty() ? "" : " or " + allowedExtras) + ")");
                    p.skipChildren();
                }
            }
            if (!sawList) {
                problems.add(displayName + ":1: missing top-level key '" + listKey + "'");
            }
        } catch (JsonProcessingException e) {
            problems.add(displayName + ":" + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
                    + ": not valid YAML: " + syntaxMessage(e.getOriginalMessage()));
        } catch (IOException e) {
            problems.add(displayName + ": cannot read: " + e.getMessage());
        }
        return new Content<>(entries, extras, rejected);
    }

    private static <T> void readList(JsonParser p, String displayName, Class<T> type, List<Located<T>> entries,
                                     Set<String> rejected, List<String> problems) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            problems.add(displayName + ":" + p.currentLocation().getLineNr() + ": expected a list");
            p.skipChildren();
            return;
        }
        int position = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            position++;
            int line = p.currentTokenLocation().getLineNr();
            JsonNode node = YAML.readTree(p);
            try {
                entries.add(new Located<>(YAML.treeToValue(node, type), line));
            } catch (JsonProcessingException e) {
                String id = node.has("id") ? node.get("id").asText() : node.has("code") ? node.get("code").asText()
                        : node.has("reason") ? node.get("reason").asText() : "#" + position;
                problems.add(displayName + ":" + line + ": entry '" + id + "': " + describe(e));
                rejected.add(id);
            }
        }
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

    static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'";
        }
        String msg = e.getOriginalMessage();
        return msg == null ? e.getClass().getSimpleName() : msg.replaceAll("\\s+", " ");
    }
}
