package org.iisdiag.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.iisdiag.TestPack;

/** Where things are defined in the shipped pack, read from the files themselves (so edits to the pack don't break tests). */
final class PackLocations {
    private PackLocations() {
    }

    /** "knowledge-base/actions.yaml:430" for the entry "- id: ID" of a catalog. */
    static String catalogEntry(String catalog, String id) {
        List<String> lines = lines(TestPack.kb().resolve(catalog));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("- id: " + id)) {
                return "knowledge-base/" + catalog + ":" + (i + 1);
            }
        }
        throw new IllegalStateException(catalog + " has no entry " + id);
    }

    /** "rules/x/y.drl:52": the line of the rule declaration whose @id is ID. */
    static String rule(String id) {
        try (Stream<Path> walk = Files.walk(TestPack.rules())) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".drl")).sorted().toList()) {
                List<String> lines = lines(f);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).contains("@id(\"" + id + "\")")) {
                        int decl = i;
                        while (decl > 0 && !lines.get(decl).strip().startsWith("rule ")) {
                            decl--;
                        }
                        return "rules/" + TestPack.rules().relativize(f).toString().replace('\\', '/') + ":" + (decl + 1);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no rule has the id " + id);
    }

    private static List<String> lines(Path f) {
        try {
            return Files.readAllLines(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
