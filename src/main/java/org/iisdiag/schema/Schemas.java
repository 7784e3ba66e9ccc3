package org.iisdiag.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The JSON Schemas (draft 2020-12) of knowledge-base/schemas/, as the jar carries them: the contract of
 * the loaders that ship with this build, whatever knowledge-base folder is in use. Each schema is
 * loaded on first use, so a run pays only for the files it reads.
 */
public final class Schemas {
    /** Where the build puts knowledge-base/schemas/*.schema.json (see the pom's resources). */
    static final String CLASSPATH = "classpath:org/iisdiag/schemas/";

    private static final Map<String, Schema> BY_NAME = new ConcurrentHashMap<>();

    private Schemas() {
    }

    /** A loaded schema and its own document, which gives the descriptions problems are worded with. */
    public record Schema(JsonSchema compiled) {
        public JsonNode document() {
            return compiled.getSchemaNode();
        }
    }

    /** Built on first use: the factory reads its meta-schemas, which a run that never validates never needs. */
    private static final class Factory {
        static final JsonSchemaFactory INSTANCE = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .locale(Locale.ROOT)
                .build();
    }

    /** The schema {@code name}.schema.json (e.g. "actions", "env", "scenario", "report"). */
    public static Schema named(String name) {
        return BY_NAME.computeIfAbsent(name, n -> new Schema(
                Factory.INSTANCE.getSchema(SchemaLocation.of(CLASSPATH + n + ".schema.json"), Factory.CONFIG)));
    }

    /** A schema given as text (tests, and catalogs of a shape of their own). */
    public static Schema parse(String json) {
        return new Schema(Factory.INSTANCE.getSchema(json, Factory.CONFIG));
    }

    /** Every way {@code node} breaks {@code schema}, ordered by where they are, then message: the same file gives the same list. */
    public static List<SchemaProblem> validate(Schema schema, JsonNode node) {
        List<SchemaProblem> all = new ArrayList<>();
        for (ValidationMessage m : schema.compiled().validate(node)) {
            all.add(SchemaProblem.of(m, schema.document()));
        }
        List<SchemaProblem> out = withoutOtherBranches(all);
        out.sort(Comparator.comparing(SchemaProblem::subject).thenComparing(p -> p.message()));
        return List.copyOf(out);
    }

    /**
     * An anyOf ("a value or a list of values", "a record or null") reports every branch that failed: "" is
     * both "blank" (the value branch) and "must be a list" (the list branch). Where a value failed a
     * constraint of the branch its type chose, at it or inside it, the other branches' type complaints say
     * nothing more and are dropped.
     */
    private static List<SchemaProblem> withoutOtherBranches(List<SchemaProblem> all) {
        List<SchemaProblem> out = new ArrayList<>();
        for (SchemaProblem p : all) {
            boolean otherBranch = p.keyword().equals("type") && all.stream().anyMatch(q -> q != p
                    && (q.subject().startsWith(p.pointer() + "/")
                    || q.subject().equals(p.pointer()) && !q.keyword().equals("type")));
            if (!otherBranch && !out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

}
