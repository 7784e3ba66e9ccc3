package org.iisdiag.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

import org.iisdiag.TestPack;

/**
 * A copy of the shipped knowledge base (the catalogs and the diagnoses folder) in a temporary folder named
 * "knowledge-base" (so messages read exactly as for the real one), with helpers to mutate one catalog file
 * ("diagnoses/aspnet.yaml" names a file of the diagnoses folder).
 */
public final class KbCopy {
    public final Path dir;

    private KbCopy(Path dir) {
        this.dir = dir;
    }

    public static KbCopy of(Path tempDir) {
        Path dir = tempDir.resolve("knowledge-base");
        try {
            Files.createDirectories(dir);
            try (Stream<Path> files = Files.list(TestPack.kb())) {
                for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".yaml")).toList()) {
                    Files.copy(f, dir.resolve(f.getFileName()));
                }
            }
            Path diagnoses = Files.createDirectories(dir.resolve(KnowledgeBaseLoader.DIAGNOSES));
            try (Stream<Path> files = Files.list(TestPack.kb().resolve(KnowledgeBaseLoader.DIAGNOSES))) {
                for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".yaml")).toList()) {
                    Files.copy(f, diagnoses.resolve(f.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new KbCopy(dir);
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    /**
     * Appends YAML text at the end of a catalog (whose list is the last top-level key) and returns the
     * 1-based line number where the appended text starts.
     */
    public int append(String catalog, String yaml) {
        Path f = file(catalog);
        try {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            if (!text.endsWith("\n")) {
                text += "\n";
                Files.writeString(f, text, StandardCharsets.UTF_8);
            }
            int firstLine = (int) text.chars().filter(c -> c == '\n').count() + 1;
            Files.writeString(f, yaml, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            return firstLine;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the first occurrence of {@code from} (which must exist) and returns its line number. */
    public int replaceFirst(String catalog, String from, String to) {
        Path f = file(catalog);
        try {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            int at = text.indexOf(from);
            if (at < 0) {
                throw new IllegalStateException(catalog + " does not contain " + from);
            }
            Files.writeString(f, text.substring(0, at) + to + text.substring(at + from.length()), StandardCharsets.UTF_8);
            return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 1-based line of the first line of {@code catalog} that equals {@code line} (after strip). */
    public static int lineOf(Path file, String line) {
        try {
            var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).strip().equals(line)) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException(file + " has no line " + line);
    }
}
