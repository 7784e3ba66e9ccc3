package org.iisdiag.evidence.env;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
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

/** Reads env.yaml into environment facts; a bad file is reported with file:line and yields nothing. */
public final class EnvReader {
    /** Characters kept of reported.description. */
    static final int MAX_DESCRIPTION = 4096;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
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
            if (!indexLines(bytes, lines)) {
                report.note("env.yaml is empty");
                return EnvFacts.unknown();
            }
        } catch (JsonProcessingException e) {
            report.fail(report.file() + ":" + line(e.getLocation()) + ": " + message(e));
            return EnvFacts.unknown();
        }
        EnvFile file;
        try {
            file = YAML.readValue(bytes, EnvFile.class);
        } catch (JsonProcessingException e) {
            String at = e instanceof JsonMappingException m ? lineOf(pointer(m.getPath()), lines) : null;
            report.fail(report.file() + ":" + (at != null ? at : line(e.getLocation())) + ": " + message(e));
            return EnvFacts.unknown();
        }
        if (file == null) {
            report.note("env.yaml is empty");
            return EnvFacts.unknown();
        }
        try {
            EnvFacts facts = FactRedaction.redactOne(toFacts(file)); // before the cut below
            if (facts.description().length() > MAX_DESCRIPTION) {
                report.note(Limits.note("env-description-chars", MAX_DESCRIPTION, "reported.description was cut"));
                facts = new EnvFacts(facts.server(), facts.sites(), facts.reported(),
                        facts.description().substring(0, MAX_DESCRIPTION), facts.changes());
            }
            return FactRedaction.redactOne(facts);
        } catch (Problem e) {
            String at = lineOf(e.pointer, lines);
            report.fail(report.file() + (at == null ? "" : ":" + at) + ": " + e.getMessage());
            return EnvFacts.unknown();
        }
    }

    /** A value that parses but makes no sense, with the JSON pointer of where it is. */
    private static final class Problem extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final transient String pointer;

        Problem(String pointer, String message) {
            super(message);
            this.pointer = pointer;
        }
    }

    /**
     * Records the line of every key and list element by JSON pointer ("/sites/1/id"), so that problems
     * found after parsing still name the line. Returns false when the file holds no document at all. A
     * key given twice and a second YAML document ("---") are errors: either would silently win or be
     * ignored.
     */
    private static boolean indexLines(byte[] bytes, Map<String, Integer> lines) throws IOException {
        try (JsonParser p = YAML.getFactory().createParser(bytes)) {
            JsonToken first = p.nextToken();
            if (first == null || first == JsonToken.VALUE_NULL) {
                return false;
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
            return true;
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

    private static ApplicationType applicationType(String key, String pointer) {
        try {
            return ApplicationType.fromKey(key);
        } catch (IllegalArgumentException e) {
            throw new Problem(pointer, e.getMessage());
        }
    }

    private static EnvFacts toFacts(EnvFile file) {
        EnvFile.Server s = file.server();
        ApplicationType defaultType = applicationType(file.applicationType(), "/applicationType");
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
                    throw new Problem("/sites/" + i, "empty entry under sites (each needs at least an id)");
                }
                if (site.id() == null) {
                    // "id:" or "id: ~": present, so Jackson's required check passes, but no number (a fuzz finding)
                    throw new Problem("/sites/" + i + "/id", "sites[" + i + "].id must be a site id (the n of W3SVC<n>)");
                }
                if (!ids.add(site.id())) {
                    throw new Problem("/sites/" + i + "/id", "site id " + site.id() + " is listed twice under sites");
                }
                ApplicationType type = site.applicationType() == null ? defaultType
                        : applicationType(site.applicationType(), "/sites/" + i + "/applicationType");
                sites.add(new SiteInfo(site.id(), Objects.requireNonNullElse(site.name(), "W3SVC" + site.id()),
                        Objects.requireNonNullElse(site.appPool(), ""), type));
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
                        throw new Problem("/reported/statusCodes/" + i,
                                "reported.statusCodes must be HTTP status codes, got " + code);
                    }
                    reported.add(new ReportedSymptom(code));
                }
            }
            description = Objects.requireNonNullElse(file.reported().description(), "");
        }
        List<ServerChange> changes = new ArrayList<>();
        if (file.changes() != null) {
            for (int i = 0; i < file.changes().size(); i++) {
                EnvFile.Change c = file.changes().get(i);
                if (c == null) {
                    throw new Problem("/changes/" + i, "empty entry under changes (each needs when and what)");
                }
                ChangeKind kind;
                try {
                    kind = ChangeKind.fromKey(c.what());
                } catch (IllegalArgumentException e) {
                    throw new Problem("/changes/" + i + "/what", e.getMessage());
                }
                ChangeTime when = ChangeTime.parse(c.when());
                if (when == null) {
                    String shown = c.when().length() > 60 ? c.when().substring(0, 57) + "..." : c.when();
                    throw new Problem("/changes/" + i + "/when", "changes[" + i + "].when '" + shown
                            + "' is not a date-time like 2025-03-04T14:05:00Z or 2025-03-04 14:05");
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
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown key '" + u.getPropertyName() + "' (known keys: "
                    + String.join(", ", u.getKnownPropertyIds().stream().map(Object::toString).sorted().toList()) + ")";
        }
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
