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

    /** A rule declaration: {@code rule "name"} (escaped quotes allowed) or {@code rule name}. */
    public static final java.util.regex.Pattern RULE_DECL =
            java.util.regex.Pattern.compile("(?m)^\\s*rule\\s+(\"((?:[^\"\\\\]|\\\\.)*)\"|(\\S+))");

    /** The rule name of a {@link #RULE_DECL} match, unescaped as Drools reads it. */
    public static String ruleName(java.util.regex.Matcher m) {
        return m.group(2) != null ? m.group(2).replaceAll("\\\\(.)", "$1") : m.group(3);
    }

    /** "rules/identify-4xx/httperr.drl": the name shown in messages, relative to the pack's parent. */
    public static String displayName(Path rulesDir, Path file) {
        Path base = rulesDir.toAbsolutePath().normalize();
        Path name = base.getFileName() == null ? base.relativize(file.toAbsolutePath().normalize())
                : Path.of(base.getFileName().toString()).resolve(base.relativize(file.toAbsolutePath().normalize()));
        return name.toString().replace('\\', '/');
    }
}
