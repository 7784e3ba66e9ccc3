package org.iisdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.iisdiag.TestPack;
import org.iisdiag.daemon.ResidentPack;
import org.iisdiag.pack.BuiltInPack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Diagnoses as a daemon runs them, one after another with the pack it keeps: a rule or catalog file edited
 * between two runs is used by the second (the identity of every file is checked each run); unchanged files
 * reuse the loaded pack.
 */
class ResidentPackRunTest {
    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private Run diagnose(ResidentPack resident, PackResolver resolver, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = IisDiag.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), () -> false,
                IisDiag.subcommandsFor(args), tmp, resident);
        ((DiagnoseCommand) cl.getSubcommands().get("diagnose").getCommand()).pack.resolver = resolver;
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    @Test
    void anEditedFileIsUsedByTheNextRunAndAnUnchangedPackIsReused() throws IOException {
        PackResolver resolver = copiedPack();
        ResidentPack resident = new ResidentPack();
        String caseDir = TestPack.cases().resolve("503-rapid-fail").toString();

        Run first = diagnose(resident, resolver, "diagnose", caseDir);
        Run again = diagnose(resident, resolver, "diagnose", caseDir);
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("Check whether application pool ApiAppPool is running");
        assertThat(again.out()).isEqualTo(first.out());
        assertThat(resident.describe()).startsWith("pack loaded 1 time(s), reused 1 time(s)");

        Path actions = home().resolve("knowledge-base/actions.yaml");
        Files.writeString(actions, Files.readString(actions).replace("title: Check whether application pool {appPool} is running",
                "title: Make sure application pool {appPool} runs"));
        Run edited = diagnose(resident, resolver, "diagnose", caseDir);
        assertThat(edited.out()).contains("Make sure application pool ApiAppPool runs")
                .doesNotContain("Check whether application pool ApiAppPool is running");
        assertThat(resident.describe()).startsWith("pack loaded 2 time(s)");

        Path rule = firstRuleFile();
        Files.writeString(rule, "\n// an author's note\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        Run ruleEdited = diagnose(resident, resolver, "diagnose", caseDir);
        assertThat(ruleEdited.out()).isEqualTo(edited.out().replace(packHash(edited.out()), packHash(ruleEdited.out())));
        assertThat(packHash(ruleEdited.out())).isNotEqualTo(packHash(edited.out()));
        assertThat(resident.describe()).startsWith("pack loaded 3 time(s)");
    }

    @Test
    void aBrokenEditIsReportedAndTheFixedPackLoadsAgain() throws IOException {
        PackResolver resolver = copiedPack();
        ResidentPack resident = new ResidentPack();
        String caseDir = TestPack.cases().resolve("503-rapid-fail").toString();
        assertThat(diagnose(resident, resolver, "diagnose", caseDir).code()).isZero();

        Path rule = firstRuleFile();
        String good = Files.readString(rule);
        Files.writeString(rule, good + "\nrule \"broken\" when then nonsense( end\n");
        Run broken = diagnose(resident, resolver, "diagnose", caseDir);
        assertThat(broken.code()).isEqualTo(ExitCodes.RULES_INVALID);
        assertThat(broken.err()).contains("the rules failed to compile");

        Files.writeString(rule, good);
        assertThat(diagnose(resident, resolver, "diagnose", caseDir).code()).isZero();
    }

    /** A copy of the shipped pack under {@code tmp/home}, and a resolver that finds it as IISDIAG_HOME. */
    private PackResolver copiedPack() throws IOException {
        copyTree(TestPack.rules(), home().resolve("rules"));
        copyTree(TestPack.kb(), home().resolve("knowledge-base"));
        return new PackResolver(Map.of("IISDIAG_HOME", home().toString())::get, p -> null, new BuiltInPack(p -> null),
                () -> tmp.resolve("cache"));
    }

    private Path home() {
        return tmp.resolve("home");
    }

    private Path firstRuleFile() throws IOException {
        try (Stream<Path> drl = Files.walk(home().resolve("rules"))) {
            return drl.filter(p -> p.toString().endsWith(".drl")).sorted().findFirst().orElseThrow();
        }
    }

    /** The short pack hash the text report names ("rule pack 5bbc83ed6143"). */
    private static String packHash(String report) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("rule pack ([0-9a-f]{12})").matcher(report);
        assertThat(m.find()).as("the report names its pack").isTrue();
        return m.group(1);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
