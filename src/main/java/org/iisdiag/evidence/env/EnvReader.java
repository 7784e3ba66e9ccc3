package org.iisdiag.evidence.env;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.iisdiag.evidence.FactRedaction;
import org.iisdiag.evidence.Limits;
import org.iisdiag.evidence.ReadReport;
import org.iisdiag.facts.ApplicationType;
import org.iisdiag.facts.ChangeKind;
import org.iisdiag.facts.ServerChange;
import org.iisdiag.facts.ReportedSymptom;
import org.iisdiag.facts.ServerEnvironment;
import org.iisdiag.facts.SiteInfo;
import org.iisdiag.facts.Tristate;

/**
 * Reads env.yaml into environment facts. A key or value that cannot be used (an unknown key, a typo,
 * a wrong type, an unknown application type, a site without id) is rejected with file:line and the
 * rest of the file is still used; only a file that is not YAML at all, or not a mapping, yields nothing.
 */
public final class EnvReader {
    /** Characters kept of reported.description. */
    static final int MAX_DESCRIPTION = 4096;
    /** Unknown keys are found by {@link #rejectUnknownKeys} (Jackson loses their line for records). */
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public EnvFacts read(InputStream in, ReadReport report) throws IOException {
        byte[] bytes = in.readNBytes(Limits.ENV_YAML_BYTES + 1);
        if (bytes.length > Limits.ENV_YAML_BYTES) {
            report.fail(report.file() + ": " + Limits.note("env-yaml-bytes", Limits.ENV_YAML_BYTES,
                    "env.yaml is a few hand-written lines; this file is larger and was not read"));
            return EnvFacts.unknown();
        }
        Map<String, Integer> lines = new HashMap<>();
        try {
            JsonToken first = indexLines(bytes, lines);
            if (first == null) {
                report.note("env.yaml is empty");
                return EnvFacts.unknown();
            }
            if (first != JsonToken.START_OBJECT) {
                report.fail(report.file() + ":1: env.yaml must be a mapping of keys (server:, sites:, reported: ...), got "
                        + (first == JsonToken.START_ARRAY ? "a list" : "a single value"));
                return EnvFacts.unknown();
            }
        } catch (JsonProcessingException e) {
            report.fail(report.file() + ":" + line(e.getLocation()) + ": " + message(e));
            return EnvFacts.unknown();
        }
        Problems problems = new Problems(report, lines);
        EnvFile file;
        try {
            rejectUnknownKeys(YAML.readTree(bytes), EnvFile.class, "", problems);
            file = YAML.readerFor(EnvFile.class).withHandler(new SkipBadValues(problems)).readValue(bytes);
        } catch (JsonProcessingException e) {
            String at = e instanceof JsonMappingException m ? lineOf(pointer(m.getPath()), lines) : null;
            report.fail(report.file() + ":" + (at != null ? at : line(e.getLocation())) + ": " + message(e));
            return EnvFacts.unknown();
        }
        if (file == null) {
            report.note("env.yaml is empty");
            return EnvFacts.unknown();
        }
        EnvFacts facts = FactRedaction.redactOne(toFacts(file, problems)); // before the cut below
        if (facts.description().length() > MAX_DESCRIPTION) {
            report.note(Limits.note("env-description-chars", MAX_DESCRIPTION, "reported.description was cut"));
            facts = new EnvFacts(facts.server(), facts.sites(), facts.reported(),
                    facts.description().substring(0, MAX_DESCRIPTION), facts.changes());
        }
        return FactRedaction.redactOne(facts);
    }

    /** Rejects what cannot be used, at its line, so the rest of the file still counts. */
    private record Problems(ReadReport report, Map<String, Integer> lines) {
        void reject(String pointer, String message) {
            String at = lineOf(pointer, lines);
            report.reject(at == null ? 0 : Long.parseLong(at), message);
        }
    }

    /**
     * Rejects every key the shape of env.yaml ({@link EnvFile} and the records in it) does not have, at
     * its line, walking the records' components so that a key added to {@link EnvFile} is known at once.
     */
    /** A name-like key, quoted; anything else (a pasted secret, a value typed where a key belongs) is not echoed. */
    private static String keyShown(String key) {
        return key.matches("[A-Za-z_][A-Za-z0-9_.-]{0,63}") ? "'" + key + "'"
                : "of " + key.length() + " characters that is not a name (not shown)";
    }

    private static void rejectUnknownKeys(JsonNode node, Class<?> type, String pointer, Problems problems) {
        if (node == null || !node.isObject() || !type.isRecord()) {
            return; // a list or value where a mapping belongs: the type check rejects it
        }
        Map<String, RecordComponent> components = new TreeMap<>();
        for (RecordComponent c : type.getRecordComponents()) {
            components.put(c.getName(), c);
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String at = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
            RecordComponent c = components.get(field.getKey());
            if (c == null) {
                problems.reject(at, "unknown key " + keyShown(field.getKey()) + " (known keys: "
                        + String.join(", ", components.keySet()) + ")");
            } else if (c.getType().isRecord()) {
                rejectUnknownKeys(field.getValue(), c.getType(), at, problems);
            } else if (List.class.isAssignableFrom(c.getType()) && field.getValue().isArray()
                    && c.getGenericType() instanceof ParameterizedType list
                    && list.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
                for (int i = 0; i < field.getValue().size(); i++) {
                    rejectUnknownKeys(field.getValue().get(i), element, at + "/" + i, problems);
                }
            }
        }
    }

    /** Turns Jackson's failure on one value into a rejection: a value of the wrong type becomes "absent". */
    private static final class SkipBadValues extends DeserializationProblemHandler {
        private final Problems problems;

        SkipBadValues(Problems problems) {
            this.problems = problems;
        }

        @Override
        public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String valueToConvert,
                                             String failureMsg) throws IOException {
            problems.reject(here(ctxt.getParser()), wrongType(ctxt.getParser(), targetType, "'" + valueToConvert + "'"));
            return null;
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number valueToConvert,
                                             String failureMsg) throws IOException {
            problems.reject(here(ctxt.getParser()), wrongType(ctxt.getParser(), targetType, valueToConvert.toString()));
            return null;
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p,
                                            String failureMsg) throws IOException {
            String value = t == JsonToken.START_OBJECT ? "a mapping" : t == JsonToken.START_ARRAY ? "a list" : "'" + p.getText() + "'";
            problems.reject(here(p), wrongType(p, targetType.getRawClass(), value));
            p.skipChildren();
            return null;
        }

        /** The JSON pointer of the value the parser is on ("/server/internetFacing"). */
        private static String here(JsonParser p) {
            com.fasterxml.jackson.core.JsonStreamContext c = p.getParsingContext();
            if (p.currentToken() == JsonToken.START_OBJECT || p.currentToken() == JsonToken.START_ARRAY) {
                c = c.getParent(); // the container's own context is one level in
            }
            return c == null ? "" : c.pathAsPointer().toString();
        }

        private static String wrongType(JsonParser p, Class<?> type, String value) throws IOException {
            com.fasterxml.jackson.core.JsonStreamContext list = p.getParsingContext();
            String key = p.currentName() != null ? "'" + p.currentName() + "'"
                    : list.inArray() && list.getParent() != null && list.getParent().getCurrentName() != null
                    ? "each of '" + list.getParent().getCurrentName() + "'" : "the entry";
            return key + " must be " + typeName(type) + ", got " + value;
        }

        private static String typeName(Class<?> type) {
            if (type == Boolean.class || type == boolean.class) {
                return "true or false";
            }
            if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
                return "a number";
            }
            if (java.util.Collection.class.isAssignableFrom(type)) {
                return "a list";
            }
            if (type == String.class) {
                return "a text value";
            }
            return "a mapping of keys";
        }
    }

    /**
     * Records the line of every key and list element by JSON pointer ("/sites/1/id"), so that problems
     * found after parsing still name the line. Returns the first token, null when the file holds no
     * document at all. A key given twice and a second YAML document ("---") are errors: either would
     * silently win or be ignored.
     */
    private static JsonToken indexLines(byte[] bytes, Map<String, Integer> lines) throws IOException {
        try (JsonParser p = YAML.getFactory().createParser(bytes)) {
            JsonToken first = p.nextToken();
            if (first == null || first == JsonToken.VALUE_NULL) {
                return null;
            }
            int depth = 0;
            boolean firstDone = false;
            for (JsonToken t = first; t != null; t = p.nextToken()) {
                if (firstDone) {
                    throw new JsonParseException(p, "a second YAML document: env.yaml must hold one (remove the '---'"
                            + " and merge the documents)", p.currentTokenLocation());
                }
                if (t.isStructStart()) {
                    depth++;
                } else if (t.isStructEnd()) {
                    depth--;
                }
                firstDone = depth == 0;
                lines.putIfAbsent(p.getParsingContext().pathAsPointer().toString(),
                        p.currentTokenLocation().getLineNr());
            }
            return first;
        }
    }

    private static String pointer(List<JsonMappingException.Reference> path) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : path) {
            if (r.getFieldName() != null) {
                sb.append('/').append(r.getFieldName().replace("~", "~0").replace("/", "~1"));
            } else if (r.getIndex() >= 0) {
                sb.append('/').append(r.getIndex());
            }
        }
        return sb.toString();
    }

    /** The line of {@code pointer}, or of its nearest indexed parent; null when none is known. */
    private static String lineOf(String pointer, Map<String, Integer> lines) {
        for (String p = pointer; p != null && !p.isEmpty(); p = p.lastIndexOf('/') > 0 ? p.substring(0, p.lastIndexOf('/')) : null) {
            Integer line = lines.get(p);
            if (line != null) {
                return line.toString();
            }
        }
        return null;
    }

    /** The application type named by {@code key}, or {@code fallback} (after a rejection) when it is unknown. */
    private static ApplicationType applicationType(String key, String pointer, ApplicationType fallback, Problems problems) {
        try {
            return ApplicationType.fromKey(key);
        } catch (IllegalArgumentException e) {
            problems.reject(pointer, e.getMessage());
            return fallback;
        }
    }

    private static EnvFacts toFacts(EnvFile file, Problems problems) {
        EnvFile.Server s = file.server();
        ApplicationType defaultType = applicationType(file.applicationType(), "/applicationType", ApplicationType.UNKNOWN,
                problems);
        ServerEnvironment server = new ServerEnvironment(
                s == null ? "" : Objects.requireNonNullElse(s.name(), ""),
                s == null ? "" : Objects.requireNonNullElse(s.iisVersion(), ""),
                defaultType,
                s == null ? Tristate.UNKNOWN : Tristate.of(s.internetFacing()),
                s == null ? Tristate.UNKNOWN : Tristate.of(s.tracingInstalled()));
        List<SiteInfo> sites = new ArrayList<>();
        Set<Integer> ids = new HashSet<>();
        if (file.sites() != null) {
            for (int i = 0; i < file.sites().size(); i++) {
                EnvFile.Site site = file.sites().get(i);
                if (site == null) {
                    problems.reject("/sites/" + i, "empty entry under sites (each needs at least an id)");
                } else if (site.id() == null) {
                    problems.reject("/sites/" + i, "site without a numeric 'id' (the n of W3SVC<n>) is ignored");
                } else if (!ids.add(site.id())) {
                    problems.reject("/sites/" + i + "/id", "site id " + site.id() + " is listed twice under sites; the first is used");
                } else {
                    ApplicationType type = site.applicationType() == null ? defaultType
                            : applicationType(site.applicationType(), "/sites/" + i + "/applicationType", defaultType, problems);
                    sites.add(new SiteInfo(site.id(), Objects.requireNonNullElse(site.name(), "W3SVC" + site.id()),
                            Objects.requireNonNullElse(site.appPool(), ""), type));
                }
            }
        }
        sites.sort(Comparator.comparingInt(SiteInfo::id));
        List<ReportedSymptom> reported = new ArrayList<>();
        String description = "";
        if (file.reported() != null) {
            if (file.reported().statusCodes() != null) {
                List<Integer> codes = file.reported().statusCodes();
                for (int i = 0; i < codes.size(); i++) {
                    Integer code = codes.get(i);
                    if (code == null || code < 100 || code > 999) {
                        // a null here was already rejected as a wrong type
                        if (code != null) {
                            problems.reject("/reported/statusCodes/" + i,
                                    "reported.statusCodes must be HTTP status codes, got " + code);
                        }
                    } else {
                        reported.add(new ReportedSymptom(code));
                    }
                }
            }
            description = Objects.requireNonNullElse(file.reported().description(), "");
        }
        List<ServerChange> changes = new ArrayList<>();
        if (file.changes() != null) {
            for (int i = 0; i < file.changes().size(); i++) {
                EnvFile.Change c = file.changes().get(i);
                if (c == null || c.when() == null || c.what() == null) {
                    problems.reject("/changes/" + i, "a change needs 'when' and 'what'; this one is ignored");
                    continue;
                }
                ChangeKind kind;
                try {
                    kind = ChangeKind.fromKey(c.what());
                } catch (IllegalArgumentException e) {
                    problems.reject("/changes/" + i + "/what", e.getMessage() + "; the change is ignored");
                    continue;
                }
                ChangeTime when = ChangeTime.parse(c.when());
                if (when == null) {
                    String shown = c.when().length() > 60 ? c.when().substring(0, 57) + "..." : c.when();
                    problems.reject("/changes/" + i + "/when", "changes[" + i + "].when '" + shown
                            + "' is not a date-time like 2025-03-04T14:05:00Z or 2025-03-04 14:05; the change is ignored");
                    continue;
                }
                changes.add(new ServerChange(when.instant(), c.when(), when.assumedUtc(), kind,
                        Objects.requireNonNullElse(c.description(), ""), Objects.requireNonNullElse(c.site(), ""),
                        Objects.requireNonNullElse(c.appPool(), ""), "env.yaml changes[" + i + "]"));
            }
        }
        changes.sort(Comparator.comparing(ServerChange::when).thenComparing(ServerChange::description));
        return new EnvFacts(server, List.copyOf(sites), List.copyOf(reported.stream().distinct().sorted(
                Comparator.comparingInt(ReportedSymptom::status)).toList()), description, List.copyOf(changes));
    }

    static String line(JsonLocation loc) {
        return loc == null ? "?" : Integer.toString(loc.getLineNr());
    }

    static String message(JsonProcessingException e) {
        String msg = e.getOriginalMessage();
        if (msg == null) {
            return e.getClass().getSimpleName();
        }
        // SnakeYAML appends indented source excerpts with a caret; the file:line prefix says where.
        List<String> parts = new ArrayList<>();
        for (String l : msg.split("\\R")) {
            if (!l.isBlank() && !Character.isWhitespace(l.charAt(0))) {
                parts.add(l.strip());
            }
        }
        return parts.isEmpty() ? msg.strip().replaceAll("\\s+", " ") : String.join(": ", parts);
    }
}
