package org.iisdiag.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.iisdiag.TestPack;
import org.iisdiag.conclusions.Diagnosis;
import org.iisdiag.conclusions.Known;
import org.iisdiag.conclusions.Question;
import org.iisdiag.facts.EvidenceKind;
import org.iisdiag.facts.IisStatusCount;
import org.iisdiag.knowledge.KnowledgeBase;
import org.iisdiag.knowledge.KnowledgeBaseLoader;
import org.iisdiag.knowledge.StatusCodeInfo;
import org.iisdiag.targets.TargetDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleBaseTest {
    static final String HEADER = """
            package test.rules;

            import org.iisdiag.facts.*;
            import org.iisdiag.conclusions.*;
            import org.iisdiag.knowledge.*;
            import org.iisdiag.targets.TargetDirectory;
            import function org.iisdiag.conclusions.Conclude.diagnose;
            import function org.iisdiag.conclusions.Conclude.know;
            import function org.iisdiag.conclusions.Conclude.ask;
            import function org.iisdiag.conclusions.Conclude.evidence;

            global KnowledgeBase kb;
            global TargetDirectory targets;

            """; // 14 lines: the first rule starts on line 15

    static final int FIRST_RULE_LINE = 15;

    private static KnowledgeBase kb;

    @TempDir
    Path temp;

    @BeforeAll
    static void loadKb() throws Exception {
        kb = KnowledgeBaseLoader.load(TestPack.kb());
    }

    private Path rules() {
        return temp.resolve("rules");
    }

    private void write(String name, String drl) throws IOException {
        Path p = rules().resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, drl, StandardCharsets.UTF_8);
    }

    private static String rule(String name, String metadata, String when, String then) {
        return "rule \"" + name + "\"\n" + metadata + "when\n" + when + "then\n" + then + "end\n\n";
    }

    private static String meta(String id, String section) {
        return (id == null ? "" : "    @id(\"" + id + "\")\n") + (section == null ? "" : "    @section(\"" + section + "\")\n");
    }

    private List<String> problems() {
        RuleCompilationException e = catchThrowableOfType(RuleCompilationException.class,
                () -> RuleBase.build(rules(), kb));
        assertThat(e).as("the pack must not build").isNotNull();
        assertThat(e.getMessage()).startsWith(e.problems().size() + " problem(s) in the rules:");
        assertThat(e.problems()).noneMatch(p -> p.contains("Parser returned a null Package"));
        return e.problems();
    }

    // ------------------------------------------------------------------ a valid pack

    /**
     * Two files: a 5xx whose catalog entry names a diagnosis is diagnosed (the diagnosis id comes from the
     * catalog, not a literal), a missing IIS log is asked about, and a 503 is known to carry its detail.
     */
    private void writeValidPack() throws IOException {
        write("a/five-hundred.drl", HEADER
                + rule("A 5xx whose code names the cause", meta("t.any-5xx", "General IIS 500 errors"),
                        "    $c : IisStatusCount( status >= 500 )\n"
                                + "    $i : StatusCodeInfo( namesCause() ) from kb.status($c.status(), $c.substatus())\n",
                        "    diagnose(kcontext, $i.diagnosis(), $i.certainty(), targets.of($c), evidence($c),\n"
                                + "            \"statusCode\", $c.code(), \"statusTitle\", $i.title());\n"));
        write("b/missing.drl", HEADER
                + rule("No IIS log", meta("t.no-iis-log", "Data collection: logs"),
                        "    not EvidenceSource( kind == EvidenceKind.IIS_W3C_LOG )\n",
                        "    ask(kcontext, \"no-iis-log\",\n"
                                + "            targets.server(), evidence());\n")
                + rule("A substatus is the error detail", meta("t.known", "What is known"),
                        "    $c : IisStatusCount( status >= 500 )\n",
                        "    know(kcontext, targets.of($c), \"error-detail\", \"status \" + $c.code(), evidence($c));\n"));
    }

    @Test
    void aValidPackBuildsAndListsItsRules() throws Exception {
        writeValidPack();
        RuleBase rb = RuleBase.build(rules(), kb);
        int secondRuleLine = FIRST_RULE_LINE + 10; // rule (1) + 2 metadata + when + 1 + then + 2 + end + blank
        assertThat(rb.rules()).containsExactly(
                new RuleInfo("t.any-5xx", "A 5xx whose code names the cause", "General IIS 500 errors",
                        "rules/a/five-hundred.drl", FIRST_RULE_LINE),
                new RuleInfo("t.known", "A substatus is the error detail", "What is known", "rules/b/missing.drl",
                        secondRuleLine),
                new RuleInfo("t.no-iis-log", "No IIS log", "Data collection: logs", "rules/b/missing.drl",
                        FIRST_RULE_LINE));
        assertThat(rb.rules().get(0).location()).isEqualTo("rules/a/five-hundred.drl:" + FIRST_RULE_LINE);
        assertThat(Files.readAllLines(rules().resolve("b/missing.drl")).get(secondRuleLine - 1))
                .isEqualTo("rule \"A substatus is the error detail\"");
    }

    /**
     * Fact types are compiled without property reactivity, so that loading the pack skips Drools' per-property
     * masks; that is only the same behaviour because no rule modifies a fact (they insert): checked too.
     */
    @Test
    void factTypesAreNotPropertyReactiveAndNoRuleModifiesAFact() throws Exception {
        writeValidPack();
        RuleBase rb = RuleBase.build(rules(), kb);
        var session = rb.newSession(kb, TargetDirectory.of(List.of()));
        try {
            var base = (org.drools.core.impl.InternalRuleBase) session.getKieBase();
            org.drools.base.rule.TypeDeclaration type = base.getTypeDeclaration(IisStatusCount.class);
            assertThat(type).as("a type the pack matches on has a declaration").isNotNull();
            assertThat(type.isPropertyReactive()).isFalse();
        } finally {
            session.dispose();
        }
        // the shipped rule files as written (no need to compile them for this)
        List<java.nio.file.Path> shipped = RuleFiles.list(TestPack.rules());
        assertThat(shipped).isNotEmpty();
        for (java.nio.file.Path file : shipped) {
            assertThat(java.nio.file.Files.readString(file))
                    .as("%s: a rule that modifies a fact needs property reactivity back (see RuleBase)", file)
                    .doesNotContainPattern("\\b(modify|update)\\s*\\(");
        }
    }

    @Test
    void diagnoserReturnsTheConclusions() throws Exception {
        writeValidPack();
        RuleBase rb = RuleBase.build(rules(), kb);
        Diagnoser diagnoser = new Diagnoser(rb, kb);
        IisStatusCount c = TestPack.iis("W3SVC1", 500, 19, 13, 5);
        StatusCodeInfo info = kb.status(500, 19);
        assertThat(info.namesCause()).as("the test relies on 500.19 naming a diagnosis").isTrue();

        Conclusions out = diagnoser.run(List.of(c, TestPack.source(EvidenceKind.HTTPERR_LOG)));
        assertThat(out.diagnoses()).singleElement().satisfies(d -> {
            assertThat(d.diagnosisId()).isEqualTo(info.diagnosis());
            assertThat(d.certainty()).isEqualTo(info.certainty());
            assertThat(d.ruleId()).isEqualTo("t.any-5xx");
            assertThat(d.params()).containsEntry("statusCode", "500.19").containsEntry("statusTitle", info.title());
            assertThat(d.evidence()).containsExactly(c);
            // the only site the case shows: the target is resolved from the log's folder label
            assertThat(d.target().siteId()).isEqualTo(1);
            assertThat(d.reach()).isEqualTo(5);
        });
        assertThat(out.known()).singleElement().satisfies(k -> {
            assertThat(k.revelation()).isEqualTo("error-detail");
            assertThat(k.because()).isEqualTo("status 500.19");
            assertThat(k.evidence()).containsExactly(c);
        });
        assertThat(out.questions()).extracting(Question::questionId, Question::ruleId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("no-iis-log", "t.no-iis-log"));
        assertThat(out.firedRules()).containsExactlyInAnyOrder("t.any-5xx", "t.no-iis-log", "t.known");
        assertThat(out.evidenceGaps()).isEmpty();
        // this pack has no planning or ranking rules: nothing is planned, placed or weighed
        assertThat(out.planned()).isEmpty();
        assertThat(out.tiers()).isEmpty();
        assertThat(out.weights()).isEmpty();
        assertThat(out.benign()).isEmpty();
        assertThat(out.caveats()).isEmpty();

        // a fresh session per run: with an IIS log present, nothing asks for one
        Conclusions withLog = diagnoser.run(List.of(TestPack.source(EvidenceKind.IIS_W3C_LOG)));
        assertThat(withLog.questions()).isEmpty();
        assertThat(withLog.diagnoses()).isEmpty();
        assertThat(withLog.known()).isEmpty();
        assertThat(withLog.firedRules()).isEmpty();

        // a code the catalog does not know matches nothing in the kb look-up
        Conclusions unknown = diagnoser.run(List.of(TestPack.iis("W3SVC1", 599, 0, 0, 1),
                TestPack.source(EvidenceKind.IIS_W3C_LOG)));
        assertThat(kb.status(599, 0)).isNull();
        assertThat(unknown.diagnoses()).isEmpty();
        assertThat(unknown.firedRules()).containsExactly("t.known");
    }

    @Test
    void logicalInsertionRetractsConclusionsWhenTheEvidenceGoes() throws Exception {
        writeValidPack();
        RuleBase rb = RuleBase.build(rules(), kb);
        var session = rb.newSession(kb, TargetDirectory.of(List.of()));
        try {
            session.fireAllRules();
            assertThat(session.getObjects(o -> o instanceof Question)).hasSize(1);
            var log = session.insert(TestPack.source(EvidenceKind.IIS_W3C_LOG));
            var error = session.insert(TestPack.iis("W3SVC1", 500, 19, 13, 5));
            session.fireAllRules();
            assertThat(session.getObjects(o -> o instanceof Question)).isEmpty();
            assertThat(session.getObjects(o -> o instanceof Diagnosis)).hasSize(1);
            assertThat(session.getObjects(o -> o instanceof Known)).hasSize(1);
            session.delete(error);
            session.delete(log);
            session.fireAllRules();
            assertThat(session.getObjects(o -> o instanceof Question)).hasSize(1);
            assertThat(session.getObjects(o -> o instanceof Diagnosis)).isEmpty();
            assertThat(session.getObjects(o -> o instanceof Known)).isEmpty();
        } finally {
            session.dispose();
        }
    }

    // ------------------------------------------------------------------ errors

    @Test
    void syntaxErrorNamesFileAndLine() throws Exception {
        writeValidPack();
        String drl = HEADER + rule("Broken", meta("t.broken", "General IIS 500 errors"),
                "    $c : IisStatusCount( status >= )\n", "    System.out.println($c);\n");
        write("broken.drl", drl);
        int errorLine = FIRST_RULE_LINE + 4;
        assertThat(drl.lines().toList().get(errorLine - 1)).contains("status >= )");
        List<String> problems = problems();
        assertThat(problems).isNotEmpty();
        assertThat(problems.get(0)).startsWith("rules/broken.drl:" + errorLine + ":");
        assertThat(problems).allSatisfy(p -> assertThat(p).startsWith("rules/broken.drl:").doesNotContain("\n"));
    }

    @Test
    void unknownTypeNamesFileAndLine() throws Exception {
        String drl = HEADER + rule("Unknown type", meta("t.unknown-type", "General IIS 500 errors"),
                "    $c : NoSuchFact( status >= 500 )\n", "    System.out.println($c);\n");
        write("types.drl", drl);
        List<String> problems = problems();
        assertThat(problems).isNotEmpty();
        assertThat(problems).allSatisfy(p -> assertThat(p).startsWith("rules/types.drl:"));
        assertThat(String.join("\n", problems)).contains("NoSuchFact");
    }

    @Test
    void ruleWithoutId() throws Exception {
        write("x.drl", HEADER + rule("Anonymous", meta(null, "General IIS 500 errors"),
                "    IisStatusCount( status >= 500 )\n", "    // nothing\n"));
        assertThat(problems()).containsExactly(
                "rules/x.drl:" + FIRST_RULE_LINE + ":1: rule \"Anonymous\" has no @id(\"...\") metadata");
    }

    @Test
    void ruleWithoutSection() throws Exception {
        write("x.drl", HEADER + rule("Unsectioned", meta("t.unsectioned", null),
                "    IisStatusCount( status >= 500 )\n", "    // nothing\n"));
        assertThat(problems()).containsExactly(
                "rules/x.drl:" + FIRST_RULE_LINE + ":1: rule \"Unsectioned\" has no @section(\"...\") metadata");
    }

    @Test
    void ruleWithUnknownSection() throws Exception {
        write("x.drl", HEADER + rule("Misplaced", meta("t.misplaced", "Identify 6xx errors"),
                "    IisStatusCount( status >= 500 )\n", "    // nothing\n"));
        assertThat(problems()).singleElement().asString().startsWith("rules/x.drl:" + FIRST_RULE_LINE
                + ":1: rule \"Misplaced\" cites unknown section 'Identify 6xx errors' (known: ");
    }

    @Test
    void duplicateIdAcrossTwoFiles() throws Exception {
        write("a.drl", HEADER + rule("First", meta("t.same", "General IIS 500 errors"),
                "    IisStatusCount( status >= 500 )\n", "    // nothing\n"));
        write("sub/b.drl", HEADER + "\n\n" + rule("Second", meta("t.same", "General IIS 500 errors"),
                "    IisStatusCount( status >= 400 )\n", "    // nothing\n"));
        assertThat(problems()).containsExactly("rules/sub/b.drl:" + (FIRST_RULE_LINE + 2)
                + ":1: rule id 't.same' is also used at rules/a.drl:" + FIRST_RULE_LINE);
    }

    @Test
    void sameRuleNameInTwoPackagesIsLocatedCorrectly() throws Exception {
        write("a.drl", HEADER + rule("Same name", meta("t.one", "General IIS 500 errors"),
                "    IisStatusCount( status >= 500 )\n", "    // nothing\n"));
        write("b.drl", HEADER.replace("package test.rules;", "package test.other;") + "\n"
                + rule("Same name", meta("t.two", "Identify 4xx errors"),
                "    IisStatusCount( status >= 400 )\n", "    // nothing\n"));
        RuleBase rb = RuleBase.build(rules(), kb);
        assertThat(rb.rules()).extracting(RuleInfo::id, RuleInfo::location).containsExactly(
                org.assertj.core.groups.Tuple.tuple("t.one", "rules/a.drl:" + FIRST_RULE_LINE),
                org.assertj.core.groups.Tuple.tuple("t.two", "rules/b.drl:" + (FIRST_RULE_LINE + 1)));
    }

    @Test
    void aRuleNameWithEscapedQuotesIsLocated() throws Exception {
        write("quoted.drl", HEADER + rule("compilation debug=\\\"true\\\" in production",
                meta("t.quoted", "Benign patterns"), "    IisStatusCount( status == 404 )\n", "    // nothing\n"));
        RuleBase rb = RuleBase.build(rules(), kb);
        assertThat(rb.rules()).extracting(RuleInfo::name, RuleInfo::location).containsExactly(
                org.assertj.core.groups.Tuple.tuple("compilation debug=\"true\" in production",
                        "rules/quoted.drl:" + FIRST_RULE_LINE));
    }

    @Test
    void aFileWithoutPackageDeclarationIsLocated() throws Exception {
        write("nopkg.drl", HEADER.replace("package test.rules;", "// no package") + rule("Loose rule",
                meta("t.loose", "Benign patterns"), "    IisStatusCount( status == 404 )\n", "    // nothing\n"));
        RuleBase rb = RuleBase.build(rules(), kb);
        assertThat(rb.rules()).extracting(RuleInfo::location).containsExactly("rules/nopkg.drl:" + FIRST_RULE_LINE);
    }

    @Test
    void unknownDiagnosisIdInDiagnose() throws Exception {
        String drl = HEADER + rule("Diagnoses nonsense", meta("t.nonsense", "General IIS 500 errors"),
                "    $c : IisStatusCount( status >= 500 )\n",
                "    diagnose(kcontext, \"configuration-invalid\", Certainty.CONFIRMED, targets.of($c), evidence($c));\n"
                        + "    diagnose(kcontext, \"no-such-diagnosis\", Certainty.POSSIBLE, targets.of($c), evidence($c));\n");
        write("x.drl", drl);
        int line = FIRST_RULE_LINE + 7;
        assertThat(drl.lines().toList().get(line - 1)).contains("no-such-diagnosis");
        assertThat(problems()).containsExactly("rules/x.drl:" + line + ":5: unknown diagnosis id 'no-such-diagnosis'");
    }

    @Test
    void unknownQuestionRevelationAndAnswerIds() throws Exception {
        String drl = HEADER.replace("import function org.iisdiag.conclusions.Conclude.evidence;",
                "import function org.iisdiag.conclusions.Conclude.evidence;\n"
                        + "import function org.iisdiag.conclusions.Conclude.planAnswer;")
                + rule("Concludes nonsense", meta("t.nonsense", "General IIS 500 errors"),
                "    $c : IisStatusCount( status >= 500 )\n    $q : Question()\n",
                "    ask(kcontext, \"no-such-question\", targets.server(), evidence($c));\n"
                        + "    know(kcontext, targets.of($c), \"no-such-revelation\", \"because\", evidence($c));\n"
                        + "    planAnswer(kcontext, $q, \"no-such-action\");\n");
        write("x.drl", drl);
        int first = FIRST_RULE_LINE + 1 + 7; // one more import line above the rule
        assertThat(drl.lines().toList().get(first - 1)).contains("no-such-question");
        assertThat(problems()).containsExactly(
                "rules/x.drl:" + first + ":5: unknown question id 'no-such-question'",
                "rules/x.drl:" + (first + 1) + ":5: unknown revelation id 'no-such-revelation'",
                "rules/x.drl:" + (first + 2) + ":5: unknown action id 'no-such-action'");
    }

    @Test
    void anIdTakenFromACatalogFieldIsNotCheckedAsALiteral() throws Exception {
        // the id is an expression: the catalog it comes from is validated when it loads, not here
        write("x.drl", HEADER + rule("From the catalog", meta("t.catalog", "General IIS 500 errors"),
                "    $c : IisStatusCount( status >= 500 )\n"
                        + "    $i : StatusCodeInfo( namesCause() ) from kb.status($c.status(), $c.substatus())\n",
                "    diagnose(kcontext, $i.diagnosis(), Certainty.CONFIRMED, targets.of($c), evidence($c));\n"));
        assertThat(RuleBase.build(rules(), kb).rules()).extracting(RuleInfo::id).containsExactly("t.catalog");
    }

    @Test
    void severalProblemsAreAllReported() throws Exception {
        write("a.drl", HEADER
                + rule("No id", meta(null, "General IIS 500 errors"), "    IisStatusCount( status >= 500 )\n", "    // x\n")
                + rule("Bad section", meta("t.bad-section", "Nowhere"), "    $c : IisStatusCount( status >= 500 )\n",
                        "    ask(kcontext, \"no-such-question\", targets.server(), evidence($c));\n"));
        List<String> problems = problems();
        assertThat(problems).hasSize(3);
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("\"No id\" has no @id"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("\"Bad section\" cites unknown section 'Nowhere'"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("unknown question id 'no-such-question'"));
        assertThat(problems).allSatisfy(p -> assertThat(p).startsWith("rules/a.drl:"));
    }

    @Test
    void emptyRulesFolder() throws Exception {
        Files.createDirectories(rules().resolve("sub"));
        Files.writeString(rules().resolve("README.md"), "not a rule");
        assertThat(problems()).containsExactly(rules() + ": no .drl files found");
    }

    @Test
    void missingRulesFolder() {
        assertThat(problems()).containsExactly(rules() + ": rules folder not found");
    }

    @Test
    void aFileInsteadOfARulesFolder() throws Exception {
        Files.createDirectories(temp);
        Files.writeString(rules(), "rule");
        assertThat(problems()).containsExactly(rules() + ": rules folder not found");
    }
}
