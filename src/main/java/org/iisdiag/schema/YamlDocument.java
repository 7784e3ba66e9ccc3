package org.iisdiag.schema;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A YAML file as a tree, with the line and column of every key and list element by JSON pointer
 * ("/actions/3/kind"), so that what a schema finds wrong in the tree is reported where it is in the file.
 */
public record YamlDocument(JsonNode root, Map<String, Position> positions) {

    /** Where a key or list element starts: 1-based line and column, as Jackson's YAML parser counts them. */
    public record Position(int line, int column) {
        @Override
        public String toString() {
            return line + ":" + column;
        }
    }

    private static final Position START = new Position(1, 1);

    /** Parses {@code bytes}; a YAML syntax error is thrown with its location, as Jackson reports it. */
    public static YamlDocument parse(ObjectMapper yaml, byte[] bytes) throws IOException {
        Map<String, Position> positions = new HashMap<>();
        try (JsonParser p = yaml.getFactory().createParser(bytes)) {
            while (p.nextToken() != null) {
                remember(p, positions);
            }
        }
        return new YamlDocument(yaml.readTree(bytes), Map.copyOf(positions));
    }

    /**
     * What can be read of a file with a YAML syntax error: the top-level keys and list elements that end
     * before the error, so that entries above a typo still load and references to them are not reported as
     * unknown (the syntax error itself is reported by whoever called {@link #parse}).
     */
    public static YamlDocument salvage(ObjectMapper yaml, byte[] bytes) {
        Map<String, Position> positions = new HashMap<>();
        ObjectNode root = yaml.createObjectNode();
        try (JsonParser p = yaml.getFactory().createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new YamlDocument(root, Map.of());
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                remember(p, positions);
                if (p.nextToken() == JsonToken.START_ARRAY) {
                    ArrayNode list = root.putArray(key);
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        remember(p, positions);
                        list.add((JsonNode) yaml.readTree(p));
                    }
                } else {
                    root.set(key, yaml.readTree(p));
                }
            }
        } catch (IOException e) {
            // the rest of the file is past the syntax error: keep what was read whole
        }
        return new YamlDocument(root, Map.copyOf(positions));
    }

    private static void remember(JsonParser p, Map<String, Position> positions) {
        JsonLocation at = p.currentTokenLocation();
        positions.putIfAbsent(p.getParsingContext().pathAsPointer().toString(), new Position(at.getLineNr(), at.getColumnNr()));
    }

    /** The position of {@code pointer}, or of its nearest parent that has one; 1:1 when none does. */
    public Position positionOf(String pointer) {
        for (String p = pointer; p != null; p = p.isEmpty() ? null : p.substring(0, Math.max(0, p.lastIndexOf('/')))) {
            Position at = positions.get(p);
            if (at != null && !p.isEmpty()) {
                return at;
            }
        }
        return START;
    }

    /** The line of {@code pointer}, or of its nearest parent that has one; 1 when none does. */
    public int lineOf(String pointer) {
        return positionOf(pointer).line();
    }
}
