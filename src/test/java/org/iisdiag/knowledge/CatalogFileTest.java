package org.iisdiag.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.iisdiag.schema.Schemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogFileTest {
    record Item(String id, String text) {
    }

    /** The schema of the test catalog: 'items' required, 'extra' allowed, entries need id and text. */
    private static final Schemas.Schema ITEMS = Schemas.parse("""
            {"$schema": "https://json-schema.org/draft/2020-12/schema",
             "type": "object", "required": ["items"], "additionalProperties": false,
             "properties": {"extra": {"type": "object"},
                            "items": {"type": "array", "items": {"$ref": "#/$defs/entry"}}},
             "$defs": {"entry": {"type": "object", "required": ["id", "text"], "additionalProperties": false,
                                 "properties": {"id": {"type": "string", "pattern": "\\\\S"},
                                                "text": {"type": "string"}}}}}
            """);
    /** The same catalog without 'extra'. */
    private static final Schemas.Schema ITEMS_ONLY = Schemas.parse("""
            {"$schema": "https://json-schema.org/draft/2020-12/schema",
             "type": "object", "required": ["items"], "additionalProperties": false,
             "properties": {"items": {"type": "array", "items": {"type": "object"}}}}
            """);

    @TempDir
    Path temp;

    private Path write(String yaml) throws Exception {
        Path f = temp.resolve("items.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void readsEntriesWithTheirStartLines() throws Exception {
        Path f = write("""
                # comment
                extra:
                  a: 1
                items:

                  - id: one
                    text: first

                  # a comment between entries
                  - id: two
                    text: >-
                      second,
                      folded
                  - {id: three, text: flow}
                """);
        List<String> problems = new ArrayList<>();
        var content = CatalogFile.read(f, "kb/items.yaml", ITEMS, "items", Item.class, problems);
        assertThat(problems).isEmpty();
        assertThat(content.entries()).extracting(e -> e.value().id()).containsExactly("one", "two", "three");
        assertThat(content.entries()).extracting(CatalogFile.Located::line).containsExactly(6, 10, 14);
        assertThat(content.entries().get(1).value().text()).isEqualTo("second, folded");
        assertThat(content.extras()).containsOnlyKeys("extra");
        assertThat(content.extras().get("extra").get("a").asInt()).isEqualTo(1);
    }

    @Test
    void badEntriesAreReportedAndTheOthersKept() throws Exception {
        Path f = write("""
                items:
                  - id: one
                    text: first
                  - id: two
                    txet: typo
                  - text: no id
                    color: red
                  - id: four
                    text: fourth
                """);
        List<String> problems = new ArrayList<>();
        var content = CatalogFile.read(f, "kb/items.yaml", ITEMS, "items", Item.class, problems);
        assertThat(problems).as("problems of entries are the loader's to report, with the entry").isEmpty();
        assertThat(content.entries()).extracting(CatalogFile.Located::name).containsExactly("one", "two", "#3", "four");
        assertThat(content.entries()).extracting(CatalogFile.Located::valid).containsExactly(true, false, false, true);
        assertThat(content.entries().get(1).problems()).extracting(CatalogFile.Problem::toString).containsExactly(
                "Problem[at=4:5, message=missing required field 'text']",
                "Problem[at=5:5, message=unknown field 'txet' (allowed: id, text)]");
        assertThat(content.entries().get(2).problems()).extracting(CatalogFile.Problem::toString).containsExactly(
                "Problem[at=6:5, message=missing required field 'id']",
                "Problem[at=7:5, message=unknown field 'color' (allowed: id, text)]");
        assertThat(content.entries().get(1).checkable()).as("a required field is missing").isFalse();
        assertThat(content.entries().get(3).checkable()).isTrue();
    }

    @Test
    void aValueOfTheWrongTypeIsNamedWithItsPath() throws Exception {
        Path f = write("""
                items:
                  - id: one
                    text: [not, text]
                  - id: "  "
                    text: blank id
                """);
        List<String> problems = new ArrayList<>();
        var content = CatalogFile.read(f, "kb/items.yaml", ITEMS, "items", Item.class, problems);
        assertThat(content.entries().get(0).problems()).extracting(CatalogFile.Problem::message)
                .containsExactly("field 'text' must be text, got a list");
        assertThat(content.entries().get(0).value()).as("not readable as an Item").isNull();
        assertThat(content.rejectedIds()).containsExactly("one");
        assertThat(content.entries().get(1).problems()).extracting(CatalogFile.Problem::message)
                .containsExactly("field 'id' is blank");
    }

    @Test
    void structuralProblems() throws Exception {
        List<String> problems = new ArrayList<>();
        CatalogFile.read(write("- just a list\n"), "kb/items.yaml", ITEMS, "items", Item.class, problems);
        assertThat(problems).containsExactly("kb/items.yaml:1: expected a mapping with key 'items'");

        problems.clear();
        CatalogFile.read(write("other: 1\n"), "kb/items.yaml", ITEMS_ONLY, "items", Item.class, problems);
        assertThat(problems).containsExactly("kb/items.yaml:1: missing top-level key 'items'",
                "kb/items.yaml:1: unknown top-level key 'other' (expected 'items')");

        problems.clear();
        CatalogFile.read(write("items: []\nother: 1\n"), "kb/items.yaml", ITEMS, "items", Item.class, problems);
        assertThat(problems).containsExactly("kb/items.yaml:2: unknown top-level key 'other' (expected 'items' or [extra])");

        problems.clear();
        CatalogFile.read(write("items:\n  id: not-a-list\n"), "kb/items.yaml", ITEMS, "items", Item.class, problems);
        assertThat(problems).as("at the key").containsExactly("kb/items.yaml:1: expected a list");

        problems.clear();
        CatalogFile.read(write(""), "kb/items.yaml", ITEMS, "items", Item.class, problems);
        assertThat(problems).containsExactly("kb/items.yaml:1: expected a mapping with key 'items'");
    }

    @Test
    void invalidYamlNamesTheLine() throws Exception {
        List<String> problems = new ArrayList<>();
        var content = CatalogFile.read(write("items:\n  - id: one\n    text: ok\n  - id: [two\n"), "kb/items.yaml",
                ITEMS, "items", Item.class, problems);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).as("one line, without the parser's source excerpt")
                .isEqualTo("kb/items.yaml:4: not valid YAML: while parsing a flow sequence: "
                        + "expected ',' or ']', but got <stream end>");
        assertThat(content.entries()).extracting(e -> e.value().id()).containsExactly("one");
    }

    @Test
    void unreadableFile() {
        List<String> problems = new ArrayList<>();
        CatalogFile.read(temp.resolve("missing.yaml"), "kb/missing.yaml", ITEMS, "items", Item.class, problems);
        assertThat(problems).singleElement().asString().startsWith("kb/missing.yaml: cannot read: ");
    }
}
