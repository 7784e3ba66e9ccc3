package org.iisdiag.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.iisdiag.TestPack;
import org.junit.jupiter.api.Test;

/**
 * In a rule's pattern, a bare field name that is also the name of a function of the package (imported with
 * {@code import function} or declared in any DRL file: functions are package-wide) is read as that function,
 * not as the fact's field, and the constraint silently never matches ({@code AspNetWebEvent( exceptionMessage
 * matches ... )} did that). So no function may share its name with a component of a fact record, except
 * the conclusions' {@code evidence} and {@code tier}: those functions build every conclusion, and no pattern
 * tests these fields (a pattern that needs one writes {@code this.evidence}).
 */
class RuleFunctionNamesTest {
    private static final Pattern IMPORTED = Pattern.compile("(?m)^import function [\\w.]+\\.(\\w+);");
    private static final Pattern DECLARED = Pattern.compile("(?m)^function\\s+[\\w.<>\\[\\], ]+?\\s+(\\w+)\\s*\\(");

    private static final java.util.Set<String> ACCEPTED = java.util.Set.of("evidence", "tier");

    @Test
    void noRuleFunctionIsNamedLikeAFieldOfAFact() throws IOException, ClassNotFoundException {
        TreeSet<String> functions = new TreeSet<>();
        try (Stream<Path> drl = Files.walk(TestPack.rules())) {
            for (Path p : drl.filter(f -> f.toString().endsWith(".drl")).toList()) {
                String text = Files.readString(p);
                for (Pattern pattern : List.of(IMPORTED, DECLARED)) {
                    Matcher m = pattern.matcher(text);
                    while (m.find()) {
                        functions.add(m.group(1));
                    }
                }
            }
        }
        assertThat(functions).as("the rules declare and import functions").contains("evidence", "diagnose");
        List<String> clashes = new ArrayList<>();
        for (String pkg : List.of("facts", "classified", "conclusions")) {
            try (Stream<Path> src = Files.list(TestPack.home().resolve("src/main/java/org/iisdiag/" + pkg))) {
                for (Path p : src.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    String name = p.getFileName().toString().replace(".java", "");
                    Class<?> c = Class.forName("org.iisdiag." + pkg + "." + name);
                    if (!c.isRecord()) {
                        continue;
                    }
                    for (var component : c.getRecordComponents()) {
                        if (functions.contains(component.getName()) && !(pkg.equals("conclusions")
                                && ACCEPTED.contains(component.getName()))) {
                            clashes.add(name + "." + component.getName());
                        }
                    }
                }
            }
        }
        assertThat(clashes).as("fields a rule function of the same name would hide in patterns").isEmpty();
    }
}
