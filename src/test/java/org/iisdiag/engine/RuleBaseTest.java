package org.iisdiag.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.iisdiag.TestPack;
import org.iisdiag.conclusions.Confidence;
import org.iisdiag.conclusions.Finding;
import org.iisdiag.conclusions.Question;
import org.iisdiag.conclusions.Recommendation;
import org.iisdiag.facts.EvidenceKind;
import org.iisdiag.facts.IisStatusCount;
import org.iisdiag.knowledge.KnowledgeBase;
import org.iisdiag.knowledge.KnowledgeBaseLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleBaseTest {
    static final String HEADER = """
            package test.rules;

            import org.iisdiag.facts.*;
            import org.iisdiag.conclusions.*;
            import org.iisdiag.knowledge.*;
            import function org.iisdiag.conclusions.Conclude.recommend;
            import function org.iisdiag.conclusions.Conclude.finding;
            import function org.iisdiag.conclusions.Conclude.ask;

            global KnowledgeBase kb;

            """; // 11 lines: the first rule starts on line 12

    static final int FIRST_RULE_LINE = 12;

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

    private void writeValidPack() throws IOException {
        write("a/five-hundred.drl", HEADER
                + rule("Any 5xx in the catalog", meta("t.any-5xx", "General IIS 500 errors"),
                        "    $c : IisStatusCount( status >= 500 )\n"
                                + "    $i : StatusCodeInfo() from kb.status($c.status(), $c.substatus())\n",
                        "    finding(kcontext, \"iis-status-observed\", \"high\", \"code\", $c.code(), \"title\", $i.title(),\n"
                                + "            \"site\", $c.site());\n"));
        write("b/missing.drl", HEADER
                + rule("No IIS log", meta("t.no-iis-log", "Data collection: logs"),
                        "    not EvidenceSource( kind == EvidenceKind.IIS_W3C_LOG )\n",
                        "    ask(kcontext, \"no-iis-log\");\n"
                                + "    recommend(kcontext, \"collect-iis-logs\", \"site\", \"W3SVC1\");\n")
                + rule("Fix actions from the catalog", meta("t.fix-actions", "General IIS 500 errors"),
                        "    $c : IisStatusCount( status >= 500 )\n"
                                + "    $i : StatusCodeInfo( !fixActions.isEmpty() ) from kb.status($c.status(), $c.substatus())\n"
                                + "    $action : String() from $i.fixActions()\n",
                        "    recommend(kcontext, $action, \"site\", $c.site(), \"code\", $c.code());\n"));
    }

    @Test
    void aValidPackBuildsAndListsItsRules() throws Exception {
        writeValidPack();
        RuleBase rb = RuleBase.build(rules(), kb);
        int secondRuleLine = FIRST_RULE_LINE + 10; // rule (1) + 2 metadata + when + 1 + then + 2 + end + blank
        assertThat(rb.rules()).containsExactly(
                new RuleInfo("t.any-5xx", "Any 5xx in the catalog", "General IIS 500 errors", "rules/a/five-hundred.drl",
                        FIRST_RULE_LINE),
                new RuleInfo("t.fix-actions", "Fix actions from the catalog", "General IIS 500 errors",
                        "rules/b/missing.drl", secondRuleLine),
                new RuleInfo("t.no-iis-log", "No IIS log", "Data collection: logs", "rules/b/missing.drl",
                        FIRST_RULE_LINE));
        assertThat(rb.rules().get(0).location()).isEqualTo("rules/a/five-hundred.drl:" + FIRST_RULE_LINE);
        assertThat(Files.readAllLines(rules().resolve("b/missing.drl")).get(secondRuleLine - 1))
                .isEqualTo("rule \"Fix actions from the catalog\"");
    }

    @Test
    void diagnoserReturnsTheConclusions() throws Exception {
        writeValidPack();
        RuleBase rb = RuleBase.build(rules(), kb);
        Diagnoser diagnoser = new Diagnoser(rb, kb);
        IisStatusCount c = TestPack.iis("W3SVC1", 500, 19, 13, 5);

        Conclusions out = diagnoser.run(List.of(c, TestPack.source(EvidenceKind.HTTPERR_LOG)));
        assertThat(out.findings()).singleElement().satisfies(f -> {
            assertThat(f.findingId()).isEqualTo("iis-status-observed");
            assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
            assertThat(f.ruleId()).isEqualTo("t.any-5xx");
            assertThat(f.params()).containsEntry("code", "500.19").containsEntry("site", "W3SVC1")
                    .containsEntry("title", kb.status(500, 19).title());
            assertThat(f.evidence()).containsExactly(c);
        });
        assertThat(out.questions()).extracting(Question::questionId, Question::ruleId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("no-iis-log", "t.no-iis-log"));
        List<String> expectedActions = new java.util.ArrayList<>(kb.status(500, 19).fixActions());
        expectedActions.add("collect-iis-logs");
        assertThat(out.recommendations()).extracting(Recommendation::actionId)
                .containsExactlyInAnyOrderElementsOf(expectedActions);
        assertThat(out.recommendations()).filteredOn(r -> r.actionId().equals("collect-iis-logs")).singleElement()
                .satisfies(r -> {
                    assertThat(r.ruleId()).isEqualTo("t.no-iis-log");
                    assertThat(r.params()).containsExactlyEntriesOf(java.util.Map.of("site", "W3SVC1"));
                });
        assertThat(out.firedRules()).contains("t.any-5xx", "t.no-iis-log");
        assertThat(out.benign()).isEmpty();
        assertThat(out.adjustments()).isEmpty();
        assertThat(out.caveats()).isEmpty();

        // a fresh session per run: with an IIS log present, nothing asks for one
        Conclusions withLog = diagnoser.run(List.of(TestPack.source(EvidenceKind.IIS_W3C_LOG)));
        assertThat(withLog.questions()).isEmpty();
        assertThat(withLog.findings()).isEmpty();
        assertThat(withLog.recommendations()).isEmpty();
        assertThat(withLog.firedRules()).isEmpty();

        // a code the catalog does not know matches nothing in the kb look-up
        Conclusions unknown = diagnoser.run(List.of(TestPack.iis("W3SVC1", 799, 0, 0, 1),
                TestPack.source(EvidenceKind.IIS_W3C_LOG)));
        assertThat(unknown.findings()).isEmpty();
    }

    @Test
    void logicalInsertionRetractsConclusionsWhenTheEvidenceGoes() throws Exception {
        writeValidPack();
        RuleBase rb = RuleBase.build(rules(), kb);
        var session = rb.newSession(kb);
        try {
            session.fireAllRules();
            assertThat(session.getObjects(o -> o instanceof Question)).hasSize(1);
            var handle = session.insert(TestPack.source(EvidenceKind.IIS_W3C_LOG));
            session.fireAllRules();
            assertThat(session.getObjects(o -> o instanceof Question)).isEmpty();
            assertThat(session.getObjects(o -> o instanceof Recommendation)).isEmpty();
            session.delete(handle);
            session.fireAllRules();
            assertThat(session.getObjects(o -> o instanceof Question)).hasSize(1);
            assertThat(session.getObjects(o -> o instanceof Finding)).isEmpty();
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
    void unknownActionIdInRecommend() throws Exception {
        String drl = HEADER + rule("Recommends nonsense", meta("t.nonsense", "General IIS 500 errors"),
                "    IisStatusCount( status >= 500 )\n",
                "    recommend(kcontext, \"collect-iis-logs\");\n    recommend(kcontext, \"no-such-action\");\n");
        write("x.drl", drl);
        int line = FIRST_RULE_LINE + 7;
        assertThat(drl.lines().toList().get(line - 1)).contains("no-such-action");
        assertThat(problems()).containsExactly("rules/x.drl:" + line + ":5: unknown action id 'no-such-action'");
    }

    @Test
    void unknownFindingAndQuestionIds() throws Exception {
        String drl = HEADER + rule("Concludes nonsense", meta("t.nonsense", "General IIS 500 errors"),
                "    IisStatusCount( status >= 500 )\n",
                "    finding(kcontext, \"no-such-finding\", \"high\");\n    ask(kcontext, \"no-such-question\");\n");
        write("x.drl", drl);
        assertThat(problems()).containsExactly(
                "rules/x.drl:" + (FIRST_RULE_LINE + 6) + ":5: unknown finding id 'no-such-finding'",
                "rules/x.drl:" + (FIRST_RULE_LINE + 7) + ":5: unknown question id 'no-such-question'");
    }

    @Test
    void severalProblemsAreAllReported() throws Exception {
        write("a.drl", HEADER
                + rule("No id", meta(null, "General IIS 500 errors"), "    IisStatusCount( status >= 500 )\n", "    // x\n")
                + rule("Bad section", meta("t.bad-section", "Nowhere"), "    IisStatusCount( status >= 500 )\n",
                        "    recommend(kcontext, \"no-such-action\");\n"));
        List<String> problems = problems();
        assertThat(problems).hasSize(3);
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("\"No id\" has no @id"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("\"Bad section\" cites unknown section 'Nowhere'"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("unknown action id 'no-such-action'"));
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
