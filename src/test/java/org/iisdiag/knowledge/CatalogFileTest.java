package org.iisdiag.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogFileTest {
    record Item(String id, String text) {
    }

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
        var content = CatalogFile.read(f, "kb/items.yaml", "items", Item.class, Set.of("extra"), problems);
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
        var content = CatalogFile.read(f, "kb/items.yaml", "items", Item.class, Set.of(), problems);
        assertThat(content.entries()).extracting(e -> e.value().id()).containsExactly("one", "four");
        assertThat(problems).containsExactly(
                "kb/items.yaml:4: entry 'two': unknown field 'txet'",
                "kb/items.yaml:6: entry '#3': unknown field 'color'");
        assertThat(content.rejectedIds()).containsExactly("two", "#3");
    }

    @Test
    void structuralProblems() throws Exception {
        List<String> problems = new ArrayList<>();
        CatalogFile.read(write("- just a list\n"), "kb/items.yaml", "items", Item.class, Set.of(), problems);
        assertThat(problems).containsExactly("kb/items.yaml:1: expected a mapping with key 'items'");

        problems.clear();
        CatalogFile.read(write("other: 1\n"), "kb/items.yaml", "items", Item.class, Set.of(), problems);
        assertThat(problems).containsExactly("kb/items.yaml:1: unknown top-level key 'other' (expected 'items')",
                "kb/items.yaml:1: missing top-level key 'items'");

        problems.clear();
        CatalogFile.read(write("items:\n  id: not-a-list\n"), "kb/items.yaml", "items", Item.class, Set.of(), problems);
        assertThat(problems).containsExactly("kb/items.yaml:2: expected a list");

        problems.clear();
        CatalogFile.read(write(""), "kb/items.yaml", "items", Item.class, Set.of(), problems);
        assertThat(problems).containsExactly("kb/items.yaml:1: expected a mapping with key 'items'");
    }

    @Test
    void invalidYamlNamesTheLine() throws Exception {
        List<String> problems = new ArrayList<>();
        var content = CatalogFile.read(write("items:\n  - id: one\n    text: ok\n  - id: [two\n"), "kb/items.yaml",
                "items", Item.class, Set.of(), problems);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).as("one line, without the parser's source excerpt")
                .isEqualTo("kb/items.yaml:4: not valid YAML: while parsing a flow sequence: "
                        + "expected ',' or ']', but got <stream end>");
        assertThat(content.entries()).extracting(e -> e.value().id()).containsExactly("one");
    }

    @Test
    void unreadableFile() {
        List<String> problems = new ArrayList<>();
        CatalogFile.read(temp.resolve("missing.yaml"), "kb/missing.yaml", "items", Item.class, Set.of(), problems);
        assertThat(problems).singleElement().asString().startsWith("kb/missing.yaml: cannot read: ");
    }
}
