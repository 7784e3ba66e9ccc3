package org.iisdiag.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;

/**
 * One way a document breaks its schema, worded for the author of a YAML file rather than in JSON
 * Schema terms: "missing required field 'why'", "field 'kind' has unknown value 'poke' (allowed: ...)".
 * The path is kept as segments so that a loader can name the field relative to the entry it reports.
 *
 * @param path     the instance location, one element per key or list index
 * @param property the key a mapping misses or should not have (required, additionalProperties), else null
 * @param keyword  the JSON Schema keyword that failed (required, enum, type ...)
 * @param wording  the message with {@code {F}} where the field name goes
 */
public record SchemaProblem(List<String> path, String property, String keyword, String wording) {
    /** The pattern of a text that must not be blank: its failure reads "is blank", not as a regex. */
    public static final String NOT_BLANK = "\\S";

    /** The JSON pointer of the instance location ("/actions/3/kind"), for ordering and line look-up. */
    public String pointer() {
        StringBuilder sb = new StringBuilder();
        path.forEach(s -> sb.append('/').append(s.replace("~", "~0").replace("/", "~1")));
        return sb.toString();
    }

    /**
     * The pointer of what the problem is about, for its line: an unknown key itself; for a missing key,
     * the mapping that misses it.
     */
    public String subject() {
        return keyword.equals("additionalProperties") && property != null
                ? pointer() + "/" + property.replace("~", "~0").replace("/", "~1") : pointer();
    }

    /** The message, with field names relative to the first {@code depth} path segments (the entry). */
    public String message(int depth) {
        List<String> field = new ArrayList<>(path.subList(Math.min(depth, path.size()), path.size()));
        if (property != null) {
            field.add(property);
        }
        return wording.replace("{F}", field.isEmpty() ? "(the whole entry)" : field(field));
    }

    /** The whole message, field names from the document root. */
    public String message() {
        return message(0);
    }

    /** Whether this problem leaves a value a loader would read missing or of the wrong type. */
    public boolean missingOrWrongType() {
        return keyword.equals("required") || keyword.equals("type");
    }

    /** "steps[2].text" for [steps, 2, text]. */
    static String field(List<String> segments) {
        StringBuilder sb = new StringBuilder();
        for (String s : segments) {
            if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
                sb.append('[').append(s).append(']');
            } else {
                sb.append(sb.length() == 0 ? "" : ".").append(s);
            }
        }
        return sb.toString();
    }

    static SchemaProblem of(ValidationMessage m, JsonNode schemaDocument) {
        List<String> path = segments(m.getInstanceLocation());
        String keyword = m.getType();
        String property = m.getProperty();
        JsonNode value = m.getInstanceNode();
        JsonNode keywordNode = m.getSchemaNode();
        JsonNode owner = owner(m, schemaDocument);
        String wording = switch (keyword) {
            case "required" -> "missing required field '{F}'";
            case "additionalProperties" -> "unknown field '{F}'"
                    + (path.isEmpty() || owner == null ? "" : allowed(owner.path("properties")));
            case "enum" -> "field '{F}' has unknown value " + shown(value) + " (allowed: " + list(keywordNode) + ")";
            case "const" -> "field '{F}' must be " + shown(keywordNode);
            case "type" -> "field '{F}' must be " + typeNames(keywordNode) + ", got " + described(value);
            case "pattern" -> NOT_BLANK.equals(keywordNode == null ? null : keywordNode.asText())
                    ? "field '{F}' is blank"
                    : owner != null && owner.hasNonNull("description")
                    ? "{F} must be " + owner.get("description").asText()
                    : "field '{F}' does not match " + keywordNode;
            case "minItems" -> "field '{F}' needs at least " + keywordNode.asText() + " item(s)";
            case "minProperties" -> "field '{F}' must not be empty";
            case "minimum" -> "field '{F}' must be at least " + keywordNode.asText() + ", got " + shown(value);
            case "maximum" -> "field '{F}' must be at most " + keywordNode.asText() + ", got " + shown(value);
            default -> "field '{F}': " + plain(m.getMessage());
        };
        boolean named = keyword.equals("required") || keyword.equals("additionalProperties");
        return new SchemaProblem(List.copyOf(path), named ? property : null, keyword, wording);
    }

    private static List<String> segments(JsonNodePath p) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < p.getNameCount(); i++) {
            out.add(String.valueOf(p.getElement(i)));
        }
        return out;
    }

    /** The subschema that holds the failed keyword (its description words a pattern's meaning). */
    private static JsonNode owner(ValidationMessage m, JsonNode schemaDocument) {
        JsonNodePath fragment = m.getSchemaLocation().getFragment();
        JsonNode n = schemaDocument;
        for (int i = 0; n != null && i < fragment.getNameCount() - 1; i++) {
            Object e = fragment.getElement(i);
            n = e instanceof Integer idx ? n.get(idx) : n.get(String.valueOf(e));
        }
        return n;
    }

    private static String allowed(JsonNode properties) {
        List<String> names = new ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names.isEmpty() ? "" : " (allowed: " + String.join(", ", names) + ")";
    }

    private static String list(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> out.add(v.asText()));
        }
        return String.join(", ", out);
    }

    private static String typeNames(JsonNode type) {
        List<String> names = new ArrayList<>();
        if (type != null && type.isArray()) {
            type.forEach(t -> names.add(typeName(t.asText())));
        } else if (type != null) {
            names.add(typeName(type.asText()));
        }
        return String.join(" or ", names);
    }

    private static String typeName(String type) {
        return switch (type) {
            case "string" -> "text";
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            case "array" -> "a list";
            case "object" -> "a mapping";
            case "null" -> "empty";
            default -> type;
        };
    }

    private static String described(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        return value.isArray() ? "a list" : shown(value);
    }

    /** A value as an author wrote it, cut short: problems quote it, never paste it whole. */
    private static String shown(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "nothing";
        }
        String text = value.isValueNode() ? value.asText() : value.toString();
        return "'" + (text.length() > 60 ? text.substring(0, 57) + "..." : text) + "'";
    }

    private static String plain(String message) {
        return message == null ? "invalid" : message.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT).startsWith("/")
                ? message.substring(message.indexOf(':') + 1).strip() : message.strip();
    }
}
