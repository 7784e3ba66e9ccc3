package org.iisdiag.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.iisdiag.TestPack;
import org.iisdiag.facts.UriCount;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeBaseLoaderTest {
    private static final String KB = "knowledge-base/";
    private static KnowledgeBase shipped;

    @TempDir
    Path temp;

    @BeforeAll
    static void loadShipped() throws KnowledgeBaseException {
        shipped = KnowledgeBaseLoader.load(TestPack.kb());
    }

    // ------------------------------------------------------------------ the shipped knowledge base

    @Test
    void everyCatalogFileIsShipped() {
        assertThat(KnowledgeBaseLoader.FILES).contains("actions.yaml", "status-codes.yaml", "freb-modules.yaml");
        for (String f : KnowledgeBaseLoader.FILES) {
            assertThat(TestPack.kb().resolve(f)).as(f).isRegularFile();
        }
    }

    @Test
    void shippedCatalogsAreNotEmpty() {
        assertThat(shipped.statusCodes()).isNotEmpty();
        assertThat(shipped.win32Statuses()).isNotEmpty();
        assertThat(shipped.reasons()).isNotEmpty();
        assertThat(shipped.scannerSignatures()).isNotEmpty();
        assertThat(shipped.actions()).isNotEmpty();
        assertThat(shipped.findings()).isNotEmpty();
        assertThat(shipped.questions()).isNotEmpty();
        assertThat(shipped.globals()).containsKeys("server", "appcmd", "iisLogDir", "httperrDir");
    }

    @Test
    void statusLookUpIsExactThenBareThenNull() {
        StatusCodeInfo exact = shipped.status(500, 19);
        assertThat(exact).isNotNull();
        assertThat(exact.status()).isEqualTo(500);
        assertThat(exact.substatus()).isEqualTo(19);
        assertThat(exact.code()).isEqualTo("500.19");
        assertThat(exact.title()).isEqualTo("Configuration data is invalid");
        assertThat(exact.meaning()).doesNotEndWith("\n").isNotBlank();

        StatusCodeInfo fallback = shipped.status(404, 99);
        assertThat(fallback).isNotNull();
        assertThat(fallback.status()).isEqualTo(404);
        assertThat(fallback.substatus()).isEqualTo(-1);
        assertThat(fallback.code()).isEqualTo("404");
        assertThat(fallback.title()).isEqualTo("Not Found");

        assertThat(shipped.status(799, 0)).isNull();
        assertThat(shipped.status(299, 0)).isNull();
    }

    @Test
    void reasonLookUp() {
        HttpErrReason r = shipped.reason("QueueFull");
        assertThat(r).isNotNull();
        assertThat(r.reason()).isEqualTo("QueueFull");
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.triage()).isEqualTo(Triage.ACTIONABLE);
        assertThat(r.appPoolRelated()).isTrue();
        assertThat(r.fix()).isNotBlank();
        assertThat(shipped.isAppPoolReason("QueueFull")).isTrue();
        assertThat(shipped.reason("queuefull")).as("reasons are case-sensitive").isNull();
        assertThat(shipped.reason("NoSuchReason")).isNull();
        assertThat(shipped.isAppPoolReason("NoSuchReason")).isFalse();
    }

    @Test
    void win32LookUp() {
        Win32StatusInfo w = shipped.win32(64);
        assertThat(w).isNotNull();
        assertThat(w.name()).isEqualTo("ERROR_NETNAME_DELETED");
        assertThat(w.hex()).isEqualTo("0x40");
        assertThat(w.classification()).isEqualTo(Win32Class.CLIENT_DISCONNECT);
        assertThat(shipped.win32(2148074254L)).isNotNull();
        assertThat(shipped.win32(2148074254L).classification()).isEqualTo(Win32Class.AUTH_HANDSHAKE);
        assertThat(shipped.win32(987654321L)).isNull();
    }

    @Test
    void scannerSignaturesAndShare() {
        assertThat(shipped.scannerSignature("/wp-login.php")).get()
                .extracting(ScannerSignature::id).isEqualTo("wordpress-probes");
        assertThat(shipped.scannerSignature("/.env")).isPresent();
        assertThat(shipped.scannerSignature("/app/Default.aspx")).isEmpty();

        List<UriCount> uris = List.of(new UriCount("/wp-login.php", 30, 0), new UriCount("/xmlrpc.php", 10, 0),
                new UriCount("/app/Default.aspx", 60, 0));
        assertThat(shipped.scannerShare(uris)).isCloseTo(0.4, within(1e-9));
        assertThat(shipped.scannerShare(List.of(new UriCount("/app/Default.aspx", 5, 0)))).isZero();
        assertThat(shipped.scannerShare(List.of(new UriCount("/wp-login.php", 5, 0)))).isEqualTo(1.0);
        assertThat(shipped.scannerShare(List.of())).isZero();
    }

    @Test
    void entriesRememberTheirSourceLine() {
        ActionDefinition a = shipped.action("collect-iis-logs");
        assertThat(a).isNotNull();
        int line = KbCopy.lineOf(TestPack.kb().resolve("actions.yaml"), "- id: collect-iis-logs");
        assertThat(a.source()).isEqualTo(KB + "actions.yaml:" + line);
        assertThat(a.kind()).isEqualTo(ActionKind.COLLECT);
        assertThat(a.risk()).isEqualTo(Level.NONE);
        assertThat(a.params()).containsKey("site");
        assertThat(a.steps()).isNotEmpty().allSatisfy(s -> assertThat(s).isEqualTo(s.strip()));

        FindingDefinition f = shipped.finding("iis-status-observed");
        assertThat(f).isNotNull();
        assertThat(f.source()).isEqualTo(KB + "findings.yaml:"
                + KbCopy.lineOf(TestPack.kb().resolve("findings.yaml"), "- id: iis-status-observed"));
        QuestionDefinition q = shipped.question("no-iis-log");
        assertThat(q).isNotNull();
        assertThat(q.answeredBy()).isEqualTo("collect-iis-logs");
        assertThat(shipped.action("no-such-action")).isNull();
        assertThat(shipped.finding("no-such-finding")).isNull();
        assertThat(shipped.question("no-such-question")).isNull();
    }

    @Test
    void crossReferencesOfTheShippedCatalogsResolve() {
        shipped.statusCodes().forEach(s -> s.fixActions().forEach(id ->
                assertThat(shipped.action(id)).as(s.code() + " -> " + id).isNotNull()));
        shipped.reasons().forEach(r -> r.fixActions().forEach(id ->
                assertThat(shipped.action(id)).as(r.reason() + " -> " + id).isNotNull()));
    }

    @Test
    void theCopyHelperLoadsUnchanged() throws KnowledgeBaseException {
        KnowledgeBase copy = KnowledgeBaseLoader.load(KbCopy.of(temp).dir);
        assertThat(copy.actions()).hasSameSizeAs(shipped.actions());
        assertThat(copy.statusCodes()).hasSameSizeAs(shipped.statusCodes());
    }

    // ------------------------------------------------------------------ errors, one per test

    private List<String> problems(KbCopy kb) {
        KnowledgeBaseException e = catchThrowableOfType(KnowledgeBaseException.class,
                () -> KnowledgeBaseLoader.load(kb.dir));
        assertThat(e).as("the mutated knowledge base must not load").isNotNull();
        assertThat(e.getMessage()).contains(e.problems().size() + " problem(s) in the knowledge base");
        assertThat(e.problems()).as("one line per problem, starting with the file")
                .allSatisfy(p -> assertThat(p).doesNotContain("\n").startsWith(KB));
        return e.problems();
    }

    @Test
    void unknownTopLevelKey() {
        KbCopy kb = KbCopy.of(temp);
        int line = kb.append("status-codes.yaml", "statusCode:\n  - code: \"599\"\n");
        assertThat(problems(kb)).containsExactly(KB + "status-codes.yaml:" + line
                + ": unknown top-level key 'statusCode' (expected 'statusCodes')");
    }

    @Test
    void unknownFieldInAnEntry() {
        KbCopy kb = KbCopy.of(temp);
        int line = kb.append("status-codes.yaml", """
                  - code: "599"
                    title: Made up
                    meaning: Not a real code.
                    severity: low
                    colour: red
                    component: iis
                """);
        assertThat(problems(kb)).containsExactly(KB + "status-codes.yaml:" + line + ": entry '599': unknown field 'colour'");
    }

    @Test
    void unknownFieldInAnActionNamesTheActionId() {
        KbCopy kb = KbCopy.of(temp);
        int line = kb.append("actions.yaml", """
                  - id: extra-action
                    title: Extra
                    section: "Data collection: logs"
                    kind: inspect
                    cost: low
                    risk: none
                    changesServerState: false
                    why: Because.
                    steps: [Look.]
                    colour: blue
                """);
        assertThat(problems(kb)).containsExactly(KB + "actions.yaml:" + line + ": entry 'extra-action': unknown field 'colour'");
    }

    @Test
    void duplicateId() {
        KbCopy kb = KbCopy.of(temp);
        int line = kb.append("actions.yaml", """
                  - id: collect-iis-logs
                    title: Again
                    section: "Data collection: logs"
                    kind: collect
                    cost: low
                    risk: none
                    changesServerState: false
                    why: A second entry with the same id.
                    steps:
                      - Copy.
                """);
        assertThat(problems(kb)).containsExactly(KB + "actions.yaml:" + line
                + ": action 'collect-iis-logs': duplicate action id 'collect-iis-logs'");
    }

    @Test
    void duplicateStatusCodeAndWin32Code() {
        KbCopy kb = KbCopy.of(temp);
        int statusLine = kb.append("status-codes.yaml", """
                  - code: "500.19"
                    title: Twice
                    meaning: Duplicate.
                    severity: high
                    component: iis
                """);
        int win32Line = kb.append("win32-status.yaml", """
                  - code: 64
                    name: ERROR_NETNAME_DELETED
                    hex: "0x40"
                    meaning: Duplicate.
                    classification: client-disconnect
                """);
        assertThat(problems(kb)).containsExactlyInAnyOrder(
                KB + "status-codes.yaml:" + statusLine + ": status code '500.19': duplicate status code '500.19'",
                KB + "win32-status.yaml:" + win32Line + ": win32 status '64': duplicate win32 code '64'");
    }

    @Test
    void missingRequiredField() {
        KbCopy kb = KbCopy.of(temp);
        int line = kb.append("findings.yaml", """
                  - id: half-a-finding
                    title: Half
                    section: Identify 4xx errors
                    severity: low
                """);
        assertThat(problems(kb)).containsExactly(KB + "findings.yaml:" + line
                + ": finding 'half-a-finding': missing required field 'explanation'");
    }

    @Test
    void missingFixOnActionableReason() {
        KbCopy kb = KbCopy.of(temp);
        int line = kb.append("httperr-reasons.yaml", """
                  - reason: Made_Up
                    status: 400
                    meaning: Not real.
                    triage: actionable
                    appPoolRelated: false
                """);
        assertThat(problems(kb)).containsExactly(KB + "httperr-reasons.yaml:" + line
                + ": reason 'Made_Up': missing required field 'fix' (required unless triage is noise)");
    }

    @Test
    void badEnumValue() {
        KbCopy kb = KbCopy.of(temp);
        int line = kb.append("win32-status.yaml", """
                  - code: 123456
                    name: ERROR_MADE_UP
                    hex: "0x1E240"
                    meaning: Not real.
                    classification: harmless
                """);
        assertThat(problems(kb)).containsExactly(KB + "win32-status.yaml:" + line + ": win32 status '123456': field "
                + "'classification' has unknown value 'harmless' (allowed: success, client-disconnect, "
                + "auth-handshake, actionable, context)");
    }

    @Test
    void badEnumValueInAnAction() {
        KbCopy kb = KbCopy.of(temp);
        int line = kb.append("actions.yaml", """
                  - id: cheap-action
                    title: Cheap
                    section: "Data collection: logs"
                    kind: inspect
                    cost: free
                    risk: none
                    changesServerState: false
                    why: Because.
                    steps: [Look.]
                """);
        assertThat(problems(kb)).containsExactly(KB + "actions.yaml:" + line
                + ": action 'cheap-action': field 'cost' has unknown value 'free' (allowed: none, low, medium, high)");
    }

    @Test
    void unknownActionIdInFixActions() {
        KbCopy kb = KbCopy.of(temp);
        int line = kb.append("httperr-reasons.yaml", """
                  - reason: Made_Up
                    status: 400
                    meaning: Not real.
                    triage: context
                    fix: Nothing.
                    fixActions: [collect-iis-logs, no-such-action]
                    appPoolRelated: false
                """);
        assertThat(problems(kb)).containsExactly(KB + "httperr-reasons.yaml:" + line
                + ": reason 'Made_Up': unknown action id 'no-such-action' (not in actions.yaml)");
    }

    @Test
    void unknownActionIdInStatusFixActionsAndQuestionAnsweredBy() {
        KbCopy kb = KbCopy.of(temp);
        int statusLine = kb.append("status-codes.yaml", """
                  - code: "599"
                    title: Made up
                    meaning: Not real.
                    fixActions: [restart-the-internet]
                    severity: low
                    component: iis
                """);
        int questionLine = kb.append("questions.yaml", """
                  - id: made-up-question
                    text: Why?
                    why: Because.
                    answeredBy: ask-the-oracle
                """);
        assertThat(problems(kb)).containsExactlyInAnyOrder(
                KB + "status-codes.yaml:" + statusLine
                        + ": status code '599': unknown action id 'restart-the-internet' (not in actions.yaml)",
                KB + "questions.yaml:" + questionLine
                        + ": question 'made-up-question': unknown action id 'ask-the-oracle' (not in actions.yaml)");
    }

    @Test
    void anInvalidActionIsReportedOnceNotAtEveryReference() {
        KbCopy kb = KbCopy.of(temp);
        int line = KbCopy.lineOf(kb.file("actions.yaml"), "- id: collect-iis-logs");
        kb.replaceFirst("actions.yaml", "    kind: collect\n", "    kind: gather\n");
        assertThat(problems(kb)).containsExactly(KB + "actions.yaml:" + line + ": action 'collect-iis-logs': "
                + "field 'kind' has unknown value 'gather' (allowed: inspect, collect, configure, fix)");
    }

    @Test
    void anUnparseableActionIsReportedOnceNotAtEveryReference() {
        KbCopy kb = KbCopy.of(temp);
        int line = KbCopy.lineOf(kb.file("actions.yaml"), "- id: collect-iis-logs");
        kb.replaceFirst("actions.yaml", "    kind: collect\n", "    kind: collect\n    kinds: collect\n");
        assertThat(problems(kb)).containsExactly(KB + "actions.yaml:" + line
                + ": entry 'collect-iis-logs': unknown field 'kinds'");
    }

    @Test
    void undeclaredPlaceholderInAnActionStep() {
        KbCopy kb = KbCopy.of(temp);
        int line = kb.append("actions.yaml", """
                  - id: look-at-pool
                    title: Look at {pool} on {server}
                    section: "503 errors"
                    kind: inspect
                    cost: low
                    risk: none
                    changesServerState: false
                    params:
                      pool: "<pool>"
                    why: Because.
                    steps:
                      - "`{appcmd} list apppool {pool}`"
                      - "Then read {undeclaredThing} and @{{LogName='System'}}"
                """);
        assertThat(problems(kb)).containsExactly(KB + "actions.yaml:" + line
                + ": action 'look-at-pool': placeholder {undeclaredThing} is not declared in params or globals");
    }

    @Test
    void undeclaredPlaceholderInAFinding() {
        KbCopy kb = KbCopy.of(temp);
        int line = kb.append("findings.yaml", """
                  - id: finding-with-hole
                    title: "{code} seen"
                    section: Identify 4xx errors
                    severity: low
                    explanation: "{code} on {site}"
                    params:
                      code: "<code>"
                """);
        assertThat(problems(kb)).containsExactly(KB + "findings.yaml:" + line
                + ": finding 'finding-with-hole': placeholder {site} is not declared in params or globals");
    }

    @Test
    void riskWithoutRisks() {
        KbCopy kb = KbCopy.of(temp);
        int line = kb.append("actions.yaml", """
                  - id: risky-action
                    title: Risky
                    section: "503 errors"
                    kind: inspect
                    cost: low
                    risk: medium
                    changesServerState: false
                    why: Because.
                    steps: [Do it.]
                """);
        assertThat(problems(kb)).containsExactly(KB + "actions.yaml:" + line
                + ": action 'risky-action': risk is medium but no 'risks' are listed");
    }

    @Test
    void changesServerStateWithoutRevert() {
        KbCopy kb = KbCopy.of(temp);
        int line = kb.append("actions.yaml", """
                  - id: change-something
                    title: Change
                    section: "503 errors"
                    kind: configure
                    cost: low
                    risk: low
                    changesServerState: true
                    why: Because.
                    steps: [Change it.]
                    risks: [It may break.]
                """);
        assertThat(problems(kb)).containsExactly(KB + "actions.yaml:" + line
                + ": action 'change-something': changes server state but has no 'revert' steps");
    }

    @Test
    void invalidRegexInScannerSignatures() {
        KbCopy kb = KbCopy.of(temp);
        int line = kb.append("scanner-signatures.yaml", """
                  - id: broken-pattern
                    pattern: '(?i)/wp-(admin'
                    note: Unbalanced parenthesis
                """);
        List<String> problems = problems(kb);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).startsWith(KB + "scanner-signatures.yaml:" + line
                + ": scanner pattern 'broken-pattern': invalid regular expression: ");
    }

    @Test
    void invalidYamlSyntax() {
        KbCopy kb = KbCopy.of(temp);
        int line = kb.append("questions.yaml", """
                  - id: broken-yaml
                    text: "an unterminated string
                    why: never read
                """);
        List<String> problems = problems(kb);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).startsWith(KB + "questions.yaml:").contains(": not valid YAML: ");
        int reported = Integer.parseInt(problems.get(0).split(":")[1]);
        assertThat(reported).isBetween(line, line + 3);
    }

    @Test
    void invalidYamlSyntaxInTheMiddleOfAFile() {
        KbCopy kb = KbCopy.of(temp);
        int line = kb.replaceFirst("win32-status.yaml", "    name: ERROR_NETNAME_DELETED\n",
                "    name: ERROR_NETNAME_DELETED\n   bad: [indent\n");
        List<String> problems = problems(kb);
        assertThat(problems).isNotEmpty();
        assertThat(problems.get(0)).startsWith(KB + "win32-status.yaml:").contains("not valid YAML");
        int reported = Integer.parseInt(problems.get(0).split(":")[1]);
        assertThat(reported).isBetween(line, line + 2);
    }

    @Test
    void missingCatalogFile() throws Exception {
        KbCopy kb = KbCopy.of(temp);
        Files.delete(kb.file("scanner-signatures.yaml"));
        assertThat(problems(kb)).containsExactly(KB + "scanner-signatures.yaml: missing catalog file");
    }

    @Test
    void missingFolder() {
        Path missing = temp.resolve("nowhere");
        assertThatThrownBy(() -> KnowledgeBaseLoader.load(missing))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessageContaining(missing + ": knowledge base folder not found");
    }

    @Test
    void unknownArticleSection() {
        KbCopy kb = KbCopy.of(temp);
        int line = kb.append("findings.yaml", """
                  - id: misplaced-finding
                    title: Misplaced
                    section: Identify 6xx errors
                    severity: low
                    explanation: Nowhere in the article.
                """);
        List<String> problems = problems(kb);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).startsWith(KB + "findings.yaml:" + line
                + ": finding 'misplaced-finding': unknown article section 'Identify 6xx errors' (known: ");
    }

    @Test
    void wrongTypeIsReportedWithTheEntry() {
        KbCopy kb = KbCopy.of(temp);
        int line = kb.append("win32-status.yaml", """
                  - code: not-a-number
                    name: ERROR_X
                    hex: "0x1"
                    meaning: Not real.
                    classification: context
                """);
        List<String> problems = problems(kb);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).startsWith(KB + "win32-status.yaml:" + line + ": entry 'not-a-number': ");
    }

    @Test
    void nonKebabIdAndBadStatusCode() {
        KbCopy kb = KbCopy.of(temp);
        int qLine = kb.append("questions.yaml", """
                  - id: Not_Kebab
                    text: Why?
                    why: Because.
                """);
        int sLine = kb.append("status-codes.yaml", """
                  - code: "200.1"
                    title: OK
                    meaning: Fine.
                    severity: info
                    component: iis
                """);
        assertThat(problems(kb)).containsExactlyInAnyOrder(
                KB + "questions.yaml:" + qLine + ": question 'Not_Kebab': id must be kebab-case (a-z, 0-9, '-')",
                KB + "status-codes.yaml:" + sLine + ": status code '200.1': code must be a 4xx/5xx status or "
                        + "status.substatus, e.g. \"500\" or \"500.19\"");
    }

    @Test
    void severalProblemsInOneRunAreAllReported() throws Exception {
        KbCopy kb = KbCopy.of(temp);
        int unknownField = kb.append("status-codes.yaml", """
                  - code: "599"
                    title: Made up
                    meaning: Not real.
                    severity: low
                    component: iis
                    colour: red
                """);
        int badEnum = kb.append("win32-status.yaml", """
                  - code: 123456
                    name: ERROR_MADE_UP
                    hex: "0x1E240"
                    meaning: Not real.
                    classification: harmless
                """);
        int noRevert = kb.append("actions.yaml", """
                  - id: change-something
                    title: Change
                    section: "503 errors"
                    kind: configure
                    cost: low
                    risk: low
                    changesServerState: true
                    why: Because.
                    steps: [Change it.]
                    risks: [It may break.]
                """);
        int badSection = kb.append("findings.yaml", """
                  - id: misplaced-finding
                    title: Misplaced
                    section: Nowhere
                    severity: low
                    explanation: Nowhere.
                """);
        Files.delete(kb.file("questions.yaml"));
        List<String> problems = problems(kb);
        assertThat(problems).hasSize(5);
        assertThat(problems).anySatisfy(p -> assertThat(p)
                .isEqualTo(KB + "status-codes.yaml:" + unknownField + ": entry '599': unknown field 'colour'"));
        assertThat(problems).anySatisfy(p -> assertThat(p)
                .startsWith(KB + "win32-status.yaml:" + badEnum + ": win32 status '123456': field 'classification'"));
        assertThat(problems).anySatisfy(p -> assertThat(p).isEqualTo(KB + "actions.yaml:" + noRevert
                + ": action 'change-something': changes server state but has no 'revert' steps"));
        assertThat(problems).anySatisfy(p -> assertThat(p)
                .startsWith(KB + "findings.yaml:" + badSection + ": finding 'misplaced-finding': unknown article section"));
        assertThat(problems).contains(KB + "questions.yaml: missing catalog file");
    }

    @Test
    void severalProblemsInOneEntryAreAllReported() {
        KbCopy kb = KbCopy.of(temp);
        int line = kb.append("actions.yaml", """
                  - id: Bad_Action
                    title: Bad {nothing}
                    section: Somewhere
                    kind: poke
                    cost: low
                    risk: high
                    changesServerState: true
                    why: Because.
                    steps: [Poke.]
                """);
        String where = KB + "actions.yaml:" + line + ": action 'Bad_Action': ";
        List<String> problems = problems(kb);
        assertThat(problems).hasSize(6);
        assertThat(problems).allSatisfy(p -> assertThat(p).startsWith(where));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("kebab-case"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("unknown article section 'Somewhere'"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("field 'kind' has unknown value 'poke'"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("no 'risks' are listed"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("no 'revert' steps"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("placeholder {nothing}"));
    }
}
