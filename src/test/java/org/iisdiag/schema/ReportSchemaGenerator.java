package org.iisdiag.schema;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import org.iisdiag.report.DiagnosisReport;

/**
 * Generates knowledge-base/schemas/report.schema.json from the {@link DiagnosisReport} records, the way
 * JsonRenderer writes them with Jackson: one property per record component, every component present
 * except those marked {@code @JsonInclude} (left out when null, empty or default), references nullable
 * (a record may hold null where a case says nothing), no other properties. Test scope: the jar ships the
 * generated file, not the generator.
 */
public final class ReportSchemaGenerator {
    private ReportSchemaGenerator() {
    }

    /** The schema as the committed file holds it: two-space indent, one trailing newline. */
    public static String generate() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON)
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT, Option.NULLABLE_FIELDS_BY_DEFAULT,
                        Option.DEFINITIONS_FOR_ALL_OBJECTS, Option.PLAIN_DEFINITION_KEYS)
                .without(Option.NONPUBLIC_STATIC_FIELDS, Option.PUBLIC_STATIC_FIELDS);
        // Jackson writes every component; @JsonInclude ones only when they say something
        config.forFields().withRequiredCheck(f -> f.getAnnotationConsideringFieldAndGetter(JsonInclude.class) == null);
        config.forFields().withNullableCheck(f -> !f.getType().isPrimitive()
                && f.getAnnotationConsideringFieldAndGetter(JsonInclude.class) == null ? Boolean.TRUE : Boolean.FALSE);
        ObjectNode schema = new SchemaGenerator(config.build()).generateSchema(DiagnosisReport.class);
        ObjectNode out = schema.objectNode();
        out.put("$schema", schema.path("$schema").asText());
        out.put("title", "iisdiag report (diagnose --format json), schemaVersion " + DiagnosisReport.SCHEMA_VERSION);
        out.put("$comment", "Generated from org.iisdiag.report.DiagnosisReport; do not edit. Regenerate with "
                + "mvn -o -Dtest=ReportSchemaTest -Diisdiag.updateSchemas=true test");
        schema.remove("$schema");
        out.setAll(schema);
        ObjectNode version = (ObjectNode) out.path("properties").path("schemaVersion");
        version.put("const", DiagnosisReport.SCHEMA_VERSION);
        // "key": value, as the hand-written schemas beside it are laid out
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return new ObjectMapper().writer(printer).writeValueAsString(out) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
