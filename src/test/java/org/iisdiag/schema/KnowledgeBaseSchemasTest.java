package org.iisdiag.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.iisdiag.TestPack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of the knowledge base that has a schema validates against it: the catalogs (the loader checks
 * them too, but this names the schema that failed), the scenarios, and the env.yaml of the bundled cases.
 * Each published schema is itself a valid draft 2020-12 schema.
 */
class KnowledgeBaseSchemasTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    /** The catalogs: knowledge-base/*.yaml and diagnoses/*.yaml, with the schema each is checked against. */
    static Stream<Path> catalogs() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> top = Files.list(TestPack.kb()); Stream<Path> dx = Files.list(TestPack.kb().resolve("diagnoses"))) {
            top.filter(p -> p.toString().endsWith(".yaml")).forEach(out::add);
            dx.filter(p -> p.toString().endsWith(".yaml")).forEach(out::add);
        }
        return out.stream().sorted();
    }

    static Stream<Path> scenarios() throws IOException {
        return yamlUnder(TestPack.kb().resolve("scenarios"), "");
    }

    static Stream<Path> caseEnvs() throws IOException {
        return yamlUnder(TestPack.cases(), "env.yaml");
    }

    static Stream<Path> schemas() throws IOException {
        try (Stream<Path> s = Files.list(TestPack.kb().resolve("schemas"))) {
            return s.filter(p -> p.toString().endsWith(".schema.json")).sorted().toList().stream();
        }
    }

    private static Stream<Path> yamlUnder(Path dir, String name) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".yaml") && p.getFileName().toString().endsWith(name))
                    .sorted().toList().stream();
        }
    }

    static String schemaOf(Path catalog) {
        String name = catalog.getFileName().toString().replace(".yaml", "");
        return catalog.getParent().getFileName().toString().equals("diagnoses") ? "diagnoses" : name;
    }

    private static List<String> problems(String schema, Path file) throws IOException {
        YamlDocument doc = YamlDocument.parse(YAML, Files.readAllBytes(file));
        return Schemas.validate(Schemas.named(schema), doc.root()).stream()
                .map(p -> file.getFileName() + ":" + doc.positionOf(p.subject()) + ": " + p.message()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogs")
    void everyCatalogMatchesItsSchema(Path catalog) throws IOException {
        assertThat(TestPack.kb().resolve("schemas/" + schemaOf(catalog) + ".schema.json"))
                .as("every catalog has a schema").exists();
        assertThat(problems(schemaOf(catalog), catalog)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyScenarioMatchesTheScenarioSchema(Path scenario) throws IOException {
        assertThat(problems("scenario", scenario)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caseEnvs")
    void everyBundledEnvYamlMatchesTheEnvSchema(Path env) throws IOException {
        assertThat(problems("env", env)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemas")
    void everySchemaIsAValidDraft202012Schema(Path schema) throws IOException {
        var meta = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(com.networknt.schema.SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertThat(meta.validate(JSON.readTree(schema.toFile()))).isEmpty();
    }

    @Test
    void aBrokenCatalogFailsNamingFileLineAndField() throws IOException {
        Path broken = temp.resolve("win32-status.yaml");
        Files.writeString(broken, """
                win32Statuses:
                  - code: 64
                    name: ERROR_NETNAME_DELETED
                    hex: "0x40"
                    meaning: The client went away.
                    classification: client-gone
                  - code: sixty-four
                    name: ERROR_X
                    hex: "0x40"
                    meaning: Twice.
                    classification: context
                    colour: red
                """);
        assertThat(problems("win32-status", broken)).containsExactly(
                "win32-status.yaml:6:5: field 'win32Statuses[0].classification' has unknown value 'client-gone' "
                        + "(allowed: success, client-disconnect, auth-handshake, actionable, context)",
                "win32-status.yaml:7:5: field 'win32Statuses[1].code' must be a whole number, got 'sixty-four'",
                "win32-status.yaml:12:5: unknown field 'win32Statuses[1].colour' (allowed: code, name, hex, meaning, "
                        + "classification, note)");
    }
}
