package org.iisdiag.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iisdiag.TestPack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-line identity --version prints: tool, Drools and a hash of the rule and catalog files in use. */
class RulePackIdentityTest {
    @TempDir
    Path tmp;

    private static RulePackIdentity of(Path home) throws IOException {
        return RulePackIdentity.of(PackLocation.folder(home.resolve("rules")), PackLocation.folder(home.resolve("knowledge-base")));
    }

    private Path copyOfThePack(String name) throws IOException {
        Path home = tmp.resolve(name);
        copyTree(TestPack.rules(), home.resolve("rules"));
        copyTree(TestPack.kb(), home.resolve("knowledge-base"));
        return home;
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target);
            }
        }
    }

    @Test
    void sameFilesSameHashWhereverTheyAre() throws Exception {
        Path a = copyOfThePack("a");
        Path b = copyOfThePack("b");
        assertThat(of(a).sha256()).isEqualTo(of(b).sha256()).isEqualTo(of(TestPack.home()).sha256()).hasSize(64);
        assertThat(of(a).line()).endsWith("(" + a.toAbsolutePath() + ")");
    }

    @Test
    void aRuleOrCatalogEditChangesTheHashAScenarioOrSampleCaseDoesNot() throws Exception {
        Path home = copyOfThePack("p");
        String original = of(home).sha256();
        Path scenario;
        try (var walk = Files.walk(home.resolve("knowledge-base/scenarios"))) {
            scenario = walk.filter(p -> p.toString().endsWith(".yaml")).findFirst().orElseThrow();
        }
        Files.writeString(scenario, "\n# edited", java.nio.file.StandardOpenOption.APPEND);
        assertThat(of(home).sha256()).as("scenarios are not part of the running pack").isEqualTo(original);

        Path rule;
        try (var walk = Files.walk(home.resolve("rules"))) {
            rule = walk.filter(p -> p.toString().endsWith(".drl")).findFirst().orElseThrow();
        }
        Files.writeString(rule, "\n// edited", java.nio.file.StandardOpenOption.APPEND);
        String afterRule = of(home).sha256();
        assertThat(afterRule).isNotEqualTo(original);
        Files.writeString(home.resolve("knowledge-base/actions.yaml"), "\n# edited", java.nio.file.StandardOpenOption.APPEND);
        assertThat(of(home).sha256()).isNotEqualTo(afterRule);
    }

    @Test
    void theLineNamesToolDroolsAndPackAndSaysWhereThePackCameFrom() throws Exception {
        RulePackIdentity id = RulePackIdentity.of(PackLocation.builtIn(TestPack.rules()), PackLocation.builtIn(TestPack.kb()));
        assertThat(id.line()).matches("iisdiag \\S+, Drools \\S+, rule pack [0-9a-f]{12} \\(built-in\\)");
        assertThat(id.line()).contains(id.sha256().substring(0, RulePackIdentity.SHORT));
        RulePackIdentity mixed = RulePackIdentity.of(PackLocation.folder(TestPack.rules()), PackLocation.builtIn(TestPack.kb()));
        assertThat(mixed.line()).endsWith("(rules " + TestPack.rules() + ", knowledge base built-in)");
    }

    @Test
    void droolsVersionComesFromTheDroolsJarItself() {
        // the jar the engine classes were loaded from is named drools-core-<version>.jar in the local repository
        String location = org.drools.core.common.InternalAgenda.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        Matcher m = Pattern.compile("drools-core-([^/]+)\\.jar$").matcher(location);
        assertThat(m.find()).as(location).isTrue();
        assertThat(RulePackIdentity.droolsVersion()).isEqualTo(m.group(1));
    }

    @Test
    void aMissingFolderIsSaidNotHashed() {
        assertThatThrownBy(() -> of(tmp.resolve("nowhere"))).isInstanceOf(IOException.class)
                .hasMessageContaining("rules folder not found");
        assertThat(RulePackIdentity.lineWithoutPack("rules folder not found: x"))
                .matches("iisdiag \\S+, Drools \\S+, rule pack unavailable \\(rules folder not found: x\\)");
    }
}
