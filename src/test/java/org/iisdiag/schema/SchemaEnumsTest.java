package org.iisdiag.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.iisdiag.TestPack;
import org.iisdiag.conclusions.Certainty;
import org.iisdiag.conclusions.Target;
import org.iisdiag.knowledge.ActionKind;
import org.iisdiag.knowledge.ArticleSection;
import org.iisdiag.knowledge.Level;
import org.iisdiag.knowledge.Severity;
import org.iisdiag.knowledge.Triage;
import org.iisdiag.knowledge.Win32Class;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The schemas spell out enum values that Java enums (and the article's section list) also define: the loader
 * trusts the schema to have refused any other value, so the two lists must not drift apart.
 */
class SchemaEnumsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "actions, /$defs/entry/properties/kind, ActionKind",
            "actions, /$defs/level, Level",
            "actions, /$defs/scope, Scope",
            "actions, /$defs/section, ArticleSection",
            "diagnoses, /$defs/severity, Severity",
            "diagnoses, /$defs/scope, Scope",
            "diagnoses, /$defs/section, ArticleSection",
            "status-codes, /$defs/severity, Severity",
            "status-codes, /$defs/certainty, Certainty",
            "httperr-reasons, /$defs/certainty, Certainty",
            "httperr-reasons, /$defs/entry/properties/triage, Triage",
            "exception-signatures, /$defs/certainty, Certainty",
            "win32-status, /$defs/entry/properties/classification, Win32Class",
    })
    void schemaEnumsMatchTheJavaOnes(String schema, String pointer, String javaList) throws IOException {
        JsonNode doc = JSON.readTree(Files.readString(TestPack.kb().resolve("schemas/" + schema + ".schema.json")));
        JsonNode values = doc.at(pointer).path("enum");
        assertThat(values.isArray()).as(schema + pointer + " has an enum").isTrue();
        List<String> inSchema = new ArrayList<>();
        values.forEach(v -> inSchema.add(v.asText()));
        assertThat(inSchema).as(schema + ".schema.json" + pointer + " against " + javaList)
                .containsExactlyInAnyOrderElementsOf(javaValues(javaList));
    }

    private static List<String> javaValues(String name) {
        return switch (name) {
            case "ArticleSection" -> ArticleSection.ALL;
            case "ActionKind" -> kebab(ActionKind.values());
            case "Level" -> kebab(Level.values());
            case "Scope" -> kebab(Target.Scope.values());
            case "Severity" -> kebab(Severity.values());
            case "Certainty" -> kebab(Certainty.values());
            case "Triage" -> kebab(Triage.values());
            case "Win32Class" -> kebab(Win32Class.values());
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** How catalogs spell a constant: CLIENT_DISCONNECT is client-disconnect (the loader's reading, reversed). */
    private static List<String> kebab(Enum<?>[] constants) {
        List<String> out = new ArrayList<>();
        for (Enum<?> c : constants) {
            out.add(c.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return out;
    }
}
