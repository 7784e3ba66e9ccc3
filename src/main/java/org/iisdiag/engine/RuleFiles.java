package org.iisdiag.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The DRL files of a rule pack, in a stable order. */
public final class RuleFiles {
    private RuleFiles() {
    }

    public static List<Path> list(Path rulesDir) throws IOException {
        try (Stream<Path> walk = Files.walk(rulesDir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".drl"))
                    .sorted()
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** "rules/identify-4xx/httperr.drl": the name shown in messages, relative to the pack's parent. */
    public static String displayName(Path rulesDir, Path file) {
        Path base = rulesDir.toAbsolutePath().normalize();
        Path name = base.getFileName() == null ? base.relativize(file.toAbsolutePath().normalize())
                : Path.of(base.getFileName().toString()).resolve(base.relativize(file.toAbsolutePath().normalize()));
        return name.toString().replace('\\', '/');
    }
}
