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
        assertThat(KnowledgeBaseLoader.FILES).contains("actions.yaml", "status-codes.yaml", "freb-modules.yaml",
                "exception-signatures.yaml", "exception-codes.yaml").doesNotContain("findings.yaml");
        for (String f : KnowledgeBaseLoader.FILES) {
            assertThat(TestPack.kb().resolve(f)).as(f).isRegularFile();
        }
        // the diagnoses are a folder of catalogs; catalogFiles (cache keys, watchers) lists each of them
        List<Path> all = KnowledgeBaseLoader.catalogFiles(TestPack.kb());
        assertThat(all).hasSizeGreaterThan(KnowledgeBaseLoader.FILES.size());
        assertThat(all.subList(KnowledgeBaseLoader.FILES.size(), all.size()))
                .allSatisfy(p -> assertThat(p.getParent().getFileName()).hasToString("diagnoses"))
                .isSorted();
    }

    @Test
    void shippedCatalogsAreNotEmpty() {
        assertThat(shipped.statusCodes()).isNotEmpty();
        assertThat(shipped.win32Statuses()).isNotEmpty();
        assertThat(shipped.reasons()).isNotEmpty();
        assertThat(shipped.scannerSignatures()).isNotEmpty();
        assertThat(shipped.actions()).isNotEmpty();
        assertThat(shipped.diagnoses()).isNotEmpty();
        assertThat(shipped.questions()).isNotEmpty();
        assertThat(shipped.exceptionSignatures()).isNotEmpty();
        assertThat(shipped.exceptionCodes()).isNotEmpty();
        assertThat(shipped.configErrors()).isNotEmpty();
        assertThat(shipped.modules()).isNotEmpty();
        assertThat(shipped.revelations()).containsKeys("error-detail", "failing-module", "exception", "pool-state");
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
        // other platforms' status pages and PHP configuration/installer scripts; not an ASP.NET site's own paths
        assertThat(shipped.scannerSignature("/server-status")).get()
                .extracting(ScannerSignature::id).isEqualTo("apache-status-pages");
        assertThat(shipped.scannerSignature("/admin/config.php")).get()
                .extracting(ScannerSignature::id).isEqualTo("php-config-and-installer-probes");
        assertThat(shipped.scannerSignature("/config.php.bak")).isPresent();
        assertThat(shipped.scannerSignature("/api/server-status/health")).isEmpty();
        assertThat(shipped.scannerSignature("/admin/config")).isEmpty();
        assertThat(shipped.scannerSignature("/Setup/Install.aspx")).isEmpty();

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
        assertThat(a.steps()).isNotEmpty().allSatisfy(s -> assertThat(s.text()).isEqualTo(s.text().strip()));

        DiagnosisDefinition d = shipped.diagnosis("rapid-fail-disabled-pool");
        assertThat(d).isNotNull();
        assertThat(d.source()).isEqualTo(KB + "diagnoses/service-unavailable-503.yaml:"
                + KbCopy.lineOf(TestPack.kb().resolve("diagnoses/service-unavailable-503.yaml"), "- id: rapid-fail-disabled-pool"));
        assertThat(d.severity()).isEqualTo(Severity.HIGH);
        assertThat(d.explanation()).isEqualTo(d.explanation().strip());
        QuestionDefinition q = shipped.question("no-iis-log");
        assertThat(q).isNotNull();
        assertThat(q.answeredBy()).isEqualTo("collect-iis-logs");
        assertThat(shipped.action("no-such-action")).isNull();
        assertThat(shipped.diagnosis("no-such-diagnosis")).isNull();
        assertThat(shipped.question("no-such-question")).isNull();
        assertThat(shipped.plan("no-such-diagnosis")).isEmpty();
    }

    @Test
    void crossReferencesOfTheShippedCatalogsResolve() {
        shipped.statusCodes().stream().filter(StatusCodeInfo::namesCause).forEach(s ->
                assertThat(shipped.diagnosis(s.diagnosis())).as(s.code() + " -> " + s.diagnosis()).isNotNull());
        shipped.reasons().stream().filter(r -> !r.diagnosis().isEmpty()).forEach(r ->
                assertThat(shipped.diagnosis(r.diagnosis())).as(r.reason() + " -> " + r.diagnosis()).isNotNull());
        shipped.diagnoses().forEach(d -> d.steps().forEach(step ->
                assertThat(shipped.action(step.actionId())).as(d.id() + " plans " + step.actionId()).isNotNull()));
        shipped.actions().forEach(a -> {
            a.requires().forEach(r -> assertThat(shipped.action(r.actionId())).as(a.id() + " requires " + r.actionId())
                    .isNotNull());
            assertThat(shipped.revelations().keySet()).as(a.id() + " reveals").containsAll(a.reveals());
        });
        // reached through a status code or an HTTPERR reason, and planned
        assertThat(shipped.status(503, 2).diagnosis()).isEqualTo("concurrent-request-limit");
        assertThat(shipped.plan("concurrent-request-limit")).extracting(DiagnosisDefinition.PlanStep::actionId)
                .contains("raise-concurrent-request-limit");
    }

    @Test
    void aPlanIsOrderedFixCollectVerifyIfNotFixed() {
        DiagnosisDefinition d = new DiagnosisDefinition("x", "X", "503 errors", Severity.HIGH, "X.", java.util.Map.of(),
                java.util.Map.of(org.iisdiag.conclusions.PlanRole.IF_NOT_FIXED, List.of("d"),
                        org.iisdiag.conclusions.PlanRole.VERIFY, List.of("c"),
                        org.iisdiag.conclusions.PlanRole.COLLECT, List.of("b1", "b2"),
                        org.iisdiag.conclusions.PlanRole.FIX, List.of("a")), null, "x.yaml:1");
        assertThat(d.steps()).extracting(DiagnosisDefinition.PlanStep::actionId)
                .containsExactly("a", "b1", "b2", "c", "d");
        assertThat(d.steps()).extracting(DiagnosisDefinition.PlanStep::order).containsExactly(0, 1, 2, 3, 4);
        assertThat(d.steps().get(4).role()).isEqualTo(org.iisdiag.conclusions.PlanRole.IF_NOT_FIXED);
    }

    @Test
    void signaturesAndExceptionCodesAreLookedUp() {
        // a signature captures named groups as parameters; the catalog order decides between several
        List<SignatureMatch> m = shipped.exceptionCauses(
                "System.Data.SqlClient.SqlException: Login failed for user 'CONTOSO\\WEB01$'.");
        assertThat(m).isNotEmpty();
        assertThat(m.get(0).signature().diagnosis()).isEqualTo("sql-login-failed-machine-account");
        // each login names one cause: the machine account, the pool's virtual account, or any other login
        assertThat(shipped.exceptionCauses("SqlException: Login failed for user 'IIS APPPOOL\\ShopPool'."))
                .extracting(x -> x.signature().diagnosis()).containsExactly("sql-login-failed-pool-identity");
        assertThat(shipped.exceptionCauses("SqlException: Login failed for user 'CONTOSO\\WEB01$'."))
                .extracting(x -> x.signature().diagnosis()).containsExactly("sql-login-failed-machine-account");
        assertThat(shipped.exceptionCauses("SqlException: Login failed for user 'orders_app'."))
                .singleElement().satisfies(x -> {
                    assertThat(x.signature().diagnosis()).isEqualTo("sql-login-failed");
                    assertThat(x.params()).containsEntry("account", "orders_app");
                });
        // a missing file: the whole path, and the file's name for titles
        assertThat(shipped.exceptionCauses("System.IO.FileNotFoundException: Could not find file 'C:\\app\\certs\\signing.pfx'."))
                .singleElement().satisfies(x -> assertThat(x.params()).containsEntry("file", "signing.pfx")
                        .containsEntry("path", "C:\\app\\certs\\signing.pfx"));
        // an access-denied path: the whole path, and the folder that holds it (where a grant goes,
        // since the file or folder may not exist yet); a path without a folder has none
        assertThat(shipped.exceptionCauses("System.UnauthorizedAccessException: Access to the path "
                + "'E:\\sites\\claims\\App_Data\\uploads\\staging' is denied."))
                .singleElement().satisfies(x -> assertThat(x.params())
                        .containsEntry("path", "E:\\sites\\claims\\App_Data\\uploads\\staging")
                        .containsEntry("folder", "E:\\sites\\claims\\App_Data\\uploads"));
        assertThat(shipped.exceptionCauses("Access to the path 'C:\\inetpub\\temp\\' is denied."))
                .singleElement().satisfies(x -> assertThat(x.params())
                        .containsEntry("path", "C:\\inetpub\\temp\\").containsEntry("folder", "C:\\inetpub"));
        assertThat(shipped.exceptionCauses("Access to the path 'keys.xml' is denied."))
                .singleElement().satisfies(x -> assertThat(x.params())
                        .containsEntry("path", "keys.xml").doesNotContainKey("folder"));
        assertThat(shipped.exceptionCauses("")).isEmpty();
        assertThat(shipped.exceptionCauses(null)).isEmpty();
        // written with or without 0x, in any case
        assertThat(shipped.exceptionCode("0xC00000FD")).isNotNull();
        assertThat(shipped.exceptionCode("c00000fd")).isEqualTo(shipped.exceptionCode("0xc00000fd"));
        assertThat(shipped.exceptionCode("0xc00000fd").diagnosis()).isEqualTo("worker-crash-stack-overflow");
        assertThat(shipped.exceptionCode(" ")).isNull();
        assertThat(shipped.configError(13).hresult()).isEqualToIgnoringCase("0x8007000d");
        assertThat(shipped.module("requestfilteringmodule")).as("module names are case-insensitive")
                .isEqualTo(shipped.module("RequestFilteringModule")).isNotNull();
    }

    @Test
    void theCopyHelperLoadsUnchanged() throws KnowledgeBaseException {
        KnowledgeBase copy = KnowledgeBaseLoader.load(KbCopy.of(temp).dir);
        assertThat(copy.actions()).hasSameSizeAs(shipped.actions());
        assertThat(copy.statusCodes()).hasSameSizeAs(shipped.statusCodes());
    }

    // ------------------------------------------------------------------ errors, one per test

    /** Where a schema problem is reported: the line:column of the field, {@code offset} lines into an entry at {@code line}. */
    private static String field(int line, int offset) {
        return (line + offset) + ":5";
    }

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
        assertThat(problems(kb)).containsExactly(KB + "status-codes.yaml:" + field(line, 4) + ": status code '599': "
                + "unknown field 'colour' (allowed: code, title, meaning, causes, fix, diagnosis, certainty, severity, component)");
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
        assertThat(problems(kb)).singleElement().asString().startsWith(KB + "actions.yaml:" + field(line, 9)
                + ": action 'extra-action': unknown field 'colour' (allowed: id, title, section, ");
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
        int line = kb.append("diagnoses/identify-4xx.yaml", """
                  - id: half-a-diagnosis
                    title: Half
                    section: Identify 4xx errors
                    severity: low
                    plan: {fix: [collect-iis-logs]}
                """);
        assertThat(problems(kb)).containsExactly(KB + "diagnoses/identify-4xx.yaml:" + field(line, 0)
                + ": diagnosis 'half-a-diagnosis': missing required field 'explanation'");
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
        assertThat(problems(kb)).containsExactly(KB + "win32-status.yaml:" + field(line, 4) + ": win32 status '123456': field "
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
        assertThat(problems(kb)).containsExactly(KB + "actions.yaml:" + field(line, 4)
                + ": action 'cheap-action': field 'cost' has unknown value 'free' (allowed: none, low, medium, high)");
    }

    @Test
    void unknownDiagnosisIdInAReason() {
        KbCopy kb = KbCopy.of(temp);
        int line = kb.append("httperr-reasons.yaml", """
                  - reason: Made_Up
                    status: 400
                    meaning: Not real.
                    triage: context
                    fix: Nothing.
                    diagnosis: no-such-diagnosis
                    appPoolRelated: false
                """);
        assertThat(problems(kb)).containsExactly(KB + "httperr-reasons.yaml:" + line
                + ": reason 'Made_Up': unknown diagnosis id 'no-such-diagnosis' (not in diagnoses/)");
    }

    @Test
    void unknownDiagnosisIdsInEveryCatalogThatNamesOne() {
        KbCopy kb = KbCopy.of(temp);
        int module = kb.append("freb-modules.yaml", """
                  - module: MadeUpModule
                    meaning: Not real.
                    diagnosis: no-such-module-diagnosis
                """);
        int config = kb.append("config-errors.yaml", """
                  - win32: 999999
                    hresult: "0x800f423f"
                    meaning: Not real.
                    fix: Nothing.
                    diagnosis: no-such-config-diagnosis
                """);
        int signature = kb.append("exception-signatures.yaml", """
                  - id: made-up-signature
                    pattern: 'MadeUpException'
                    diagnosis: no-such-signature-diagnosis
                    note: Not real.
                """);
        int code = kb.append("exception-codes.yaml", """
                  - code: "0xdeadbeef"
                    name: MADE_UP
                    meaning: Not real.
                    diagnosis: no-such-code-diagnosis
                """);
        assertThat(problems(kb)).containsExactlyInAnyOrder(
                KB + "freb-modules.yaml:" + module + ": module 'MadeUpModule': unknown diagnosis id 'no-such-module-diagnosis' (not in diagnoses/)",
                KB + "config-errors.yaml:" + config + ": config error '0x800f423f': unknown diagnosis id 'no-such-config-diagnosis' (not in diagnoses/)",
                KB + "exception-signatures.yaml:" + signature + ": signature 'made-up-signature': unknown diagnosis id 'no-such-signature-diagnosis' (not in diagnoses/)",
                KB + "exception-codes.yaml:" + code + ": exception code '0xdeadbeef': unknown diagnosis id 'no-such-code-diagnosis' (not in diagnoses/)");
    }

    /** A module's diagnosis per error code: the code's wins over the module's, keys are HRESULTs, ids are checked. */
    @Test
    void moduleDiagnosisByErrorCode() throws Exception {
        FrebModuleInfo staticFile = shipped.module("StaticFileModule");
        assertThat(staticFile.diagnosisFor("0x80070002")).isEqualTo("content-not-found");
        assertThat(staticFile.diagnosisFor("0X80070005")).isEqualTo("content-acl-denied");
        assertThat(staticFile.diagnosisFor("0x0")).as("no code of its own, no module default").isEmpty();
        assertThat(staticFile.diagnoses()).containsExactly("content-acl-denied", "content-not-found");
        assertThat(staticFile.names("content-not-found")).isTrue();
        assertThat(new FrebModuleInfo("M", "m", "fallback", java.util.Map.of("0x80070002", "specific"))
                .diagnosisFor("0x80070003")).isEqualTo("fallback");

        KbCopy kb = KbCopy.of(temp);
        int module = kb.append("freb-modules.yaml", """
                  - module: MadeUpModule
                    meaning: Not real.
                    byErrorCode:
                      "0x80070002": content-not-found
                      "2147942405": content-acl-denied
                      "0x80070003": no-such-diagnosis
                """);
        assertThat(problems(kb)).containsExactlyInAnyOrder(
                KB + "freb-modules.yaml:" + (module + 4) + ":7: module 'MadeUpModule': unknown field 'byErrorCode[2147942405]'",
                KB + "freb-modules.yaml:" + module + ": module 'MadeUpModule' byErrorCode 0x80070003: unknown diagnosis id"
                        + " 'no-such-diagnosis' (not in diagnoses/)");
    }

    @Test
    void unknownDiagnosisInAStatusCodeAndUnknownActionInQuestionAnsweredBy() {
        KbCopy kb = KbCopy.of(temp);
        int statusLine = kb.append("status-codes.yaml", """
                  - code: "599"
                    title: Made up
                    meaning: Not real.
                    diagnosis: restart-the-internet
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
                        + ": status code '599': unknown diagnosis id 'restart-the-internet' (not in diagnoses/)",
                KB + "questions.yaml:" + questionLine
                        + ": question 'made-up-question': unknown action id 'ask-the-oracle' (not in actions.yaml)");
    }

    @Test
    void anInvalidActionIsReportedOnceNotAtEveryReference() {
        KbCopy kb = KbCopy.of(temp);
        int line = KbCopy.lineOf(kb.file("actions.yaml"), "- id: collect-iis-logs");
        kb.replaceFirst("actions.yaml", "    kind: collect\n", "    kind: gather\n");
        assertThat(problems(kb)).containsExactly(KB + "actions.yaml:" + field(line, 3) + ": action 'collect-iis-logs': "
                + "field 'kind' has unknown value 'gather' (allowed: inspect, collect, configure, fix)");
    }

    @Test
    void anUnparseableActionIsReportedOnceNotAtEveryReference() {
        KbCopy kb = KbCopy.of(temp);
        int line = KbCopy.lineOf(kb.file("actions.yaml"), "- id: collect-iis-logs");
        kb.replaceFirst("actions.yaml", "    kind: collect\n", "    kind: collect\n    kinds: collect\n");
        assertThat(problems(kb)).singleElement().asString().startsWith(KB + "actions.yaml:" + field(line, 4)
                + ": action 'collect-iis-logs': unknown field 'kinds' (allowed: id, title, section, kind, ");
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
    void undeclaredPlaceholderInADiagnosis() {
        KbCopy kb = KbCopy.of(temp);
        int line = kb.append("diagnoses/identify-4xx.yaml", """
                  - id: diagnosis-with-hole
                    title: "{code} seen"
                    section: Identify 4xx errors
                    severity: low
                    explanation: "{code} on {site}"
                    params:
                      code: "<code>"
                    plan: {collect: [collect-iis-logs]}
                """);
        assertThat(problems(kb)).containsExactly(KB + "diagnoses/identify-4xx.yaml:" + line
                + ": diagnosis 'diagnosis-with-hole': placeholder {site} is not declared in params or globals");
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
        int line = kb.append("diagnoses/aspnet.yaml", """
                  - id: misplaced-diagnosis
                    title: Misplaced
                    section: Identify 6xx errors
                    severity: low
                    explanation: Nowhere in the article.
                    plan: {fix: [collect-iis-logs]}
                """);
        List<String> problems = problems(kb);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).startsWith(KB + "diagnoses/aspnet.yaml:" + field(line, 2)
                + ": diagnosis 'misplaced-diagnosis': field 'section' has unknown value 'Identify 6xx errors' (allowed: "
                + String.join(", ", ArticleSection.ALL) + ")");
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
        assertThat(problems.get(0)).isEqualTo(KB + "win32-status.yaml:" + field(line, 0)
                + ": win32 status 'not-a-number': field 'code' must be a whole number, got 'not-a-number'");
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
                KB + "questions.yaml:" + field(qLine, 0) + ": question 'Not_Kebab': id must be kebab-case (a-z, 0-9, '-')",
                KB + "status-codes.yaml:" + field(sLine, 0) + ": status code '200.1': code must be a 4xx/5xx status or "
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
        int badSection = kb.append("diagnoses/aspnet.yaml", """
                  - id: misplaced-diagnosis
                    title: Misplaced
                    section: Nowhere
                    severity: low
                    explanation: Nowhere.
                    plan: {fix: [collect-iis-logs]}
                """);
        Files.delete(kb.file("questions.yaml"));
        List<String> problems = problems(kb);
        assertThat(problems).hasSize(5);
        assertThat(problems).anySatisfy(p -> assertThat(p)
                .startsWith(KB + "status-codes.yaml:" + field(unknownField, 5) + ": status code '599': unknown field 'colour'"));
        assertThat(problems).anySatisfy(p -> assertThat(p)
                .startsWith(KB + "win32-status.yaml:" + field(badEnum, 4) + ": win32 status '123456': field 'classification'"));
        assertThat(problems).anySatisfy(p -> assertThat(p).isEqualTo(KB + "actions.yaml:" + noRevert
                + ": action 'change-something': changes server state but has no 'revert' steps"));
        assertThat(problems).anySatisfy(p -> assertThat(p)
                .startsWith(KB + "diagnoses/aspnet.yaml:" + field(badSection, 2)
                        + ": diagnosis 'misplaced-diagnosis': field 'section' has unknown value 'Nowhere'"));
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
        List<String> problems = problems(kb);
        assertThat(problems).hasSize(6);
        assertThat(problems).allSatisfy(p -> assertThat(p).startsWith(KB + "actions.yaml:").contains(": action 'Bad_Action': "));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(KB + "actions.yaml:" + field(line, 0))
                .contains("kebab-case"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(KB + "actions.yaml:" + field(line, 2))
                .contains("field 'section' has unknown value 'Somewhere' (allowed: Identify 4xx errors, "));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(KB + "actions.yaml:" + field(line, 3))
                .contains("field 'kind' has unknown value 'poke'"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("no 'risks' are listed"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("no 'revert' steps"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("placeholder {nothing}"));
    }

    // ------------------------------------------------------------------ diagnoses, reveals, requires, conditions

    @Test
    void theDiagnosesFolderIsRequired() throws Exception {
        KbCopy kb = KbCopy.of(temp);
        try (var files = Files.list(kb.file("diagnoses"))) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        List<String> problems = problems(kb);
        assertThat(problems).contains(KB + "diagnoses: missing catalog folder (or it holds no .yaml file)");
        // the catalogs that name diagnoses cannot resolve them either; they say so, each at its entry
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(KB + "status-codes.yaml:")
                .contains("unknown diagnosis id"));
    }

    @Test
    void aDiagnosisPlanNamesKnownActionsAndAtLeastOne() {
        KbCopy kb = KbCopy.of(temp);
        int unknown = kb.append("diagnoses/classic-asp.yaml", """
                  - id: plans-a-typo
                    title: Typo
                    section: Classic ASP 500 errors
                    severity: low
                    explanation: A plan with a typo.
                    plan:
                      fix: [collect-iis-logs]
                      ifNotFixed: [collect-the-logs]
                """);
        int empty = kb.append("diagnoses/classic-asp.yaml", """
                  - id: plans-nothing
                    title: Nothing
                    section: Classic ASP 500 errors
                    severity: low
                    explanation: A plan without steps.
                    plan: {fix: []}
                """);
        int badKey = kb.append("diagnoses/classic-asp.yaml", """
                  - id: plans-a-mitigation
                    title: Mitigation
                    section: Classic ASP 500 errors
                    severity: low
                    explanation: A plan with an unknown role.
                    plan: {mitigate: [collect-iis-logs]}
                """);
        assertThat(problems(kb)).containsExactly(
                KB + "diagnoses/classic-asp.yaml:" + unknown
                        + ": diagnosis 'plans-a-typo': unknown action id 'collect-the-logs' (not in actions.yaml)",
                KB + "diagnoses/classic-asp.yaml:" + empty
                        + ": diagnosis 'plans-nothing': the plan names no action (fix, collect, verify or ifNotFixed)",
                KB + "diagnoses/classic-asp.yaml:" + (badKey + 5) + ":12: diagnosis 'plans-a-mitigation': unknown field "
                        + "'plan.mitigate' (allowed: fix, collect, verify, ifNotFixed)",
                KB + "diagnoses/classic-asp.yaml:" + badKey
                        + ": diagnosis 'plans-a-mitigation': the plan names no action (fix, collect, verify or ifNotFixed)");
    }

    @Test
    void aDuplicateDiagnosisIdAcrossTwoFilesIsReportedAtTheSecond() {
        KbCopy kb = KbCopy.of(temp);
        // files load in name order: aspnet.yaml before what-changed.yaml
        int line = kb.append("diagnoses/what-changed.yaml", """
                  - id: aspnet-unhandled-exception
                    title: Again
                    section: ASP.NET 500 errors
                    severity: low
                    explanation: Twice.
                    plan: {fix: [collect-iis-logs]}
                """);
        assertThat(problems(kb)).containsExactly(KB + "diagnoses/what-changed.yaml:" + line
                + ": diagnosis 'aspnet-unhandled-exception': duplicate diagnosis id 'aspnet-unhandled-exception'");
    }

    @Test
    void certaintyAndScopeAreEnums() {
        KbCopy kb = KbCopy.of(temp);
        int status = kb.append("status-codes.yaml", """
                  - code: "599"
                    title: Made up
                    meaning: Not real.
                    diagnosis: concurrent-request-limit
                    certainty: sure
                    severity: low
                    component: iis
                """);
        int action = kb.append("actions.yaml", """
                  - id: scoped-action
                    title: Scoped
                    section: "503 errors"
                    kind: inspect
                    cost: low
                    risk: none
                    changesServerState: false
                    scope: farm
                    why: Because.
                    steps: [Look.]
                """);
        assertThat(problems(kb)).containsExactlyInAnyOrder(
                KB + "status-codes.yaml:" + field(status, 4) + ": status code '599': field 'certainty' has unknown value 'sure'"
                        + " (allowed: confirmed, probable, possible)",
                KB + "actions.yaml:" + field(action, 7) + ": action 'scoped-action': field 'scope' has unknown value 'farm'"
                        + " (allowed: server, site, app, pool)");
    }

    @Test
    void revealsNamesADeclaredRevelationAndNeverOnAFix() {
        KbCopy kb = KbCopy.of(temp);
        int unknown = kb.append("actions.yaml", """
                  - id: reveals-a-typo
                    title: Look
                    section: "503 errors"
                    kind: collect
                    cost: low
                    risk: none
                    changesServerState: false
                    reveals: [pool-state, pool-mood]
                    why: Because.
                    steps: [Look.]
                """);
        int fix = kb.append("actions.yaml", """
                  - id: a-fix-that-reveals
                    title: Fix
                    section: "503 errors"
                    kind: fix
                    cost: low
                    risk: none
                    changesServerState: false
                    reveals: [pool-state]
                    why: Because.
                    steps: [Fix it.]
                """);
        List<String> problems = problems(kb);
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith(KB + "actions.yaml:" + unknown
                + ": action 'reveals-a-typo': reveals unknown revelation 'pool-mood' (declared: [");
        assertThat(problems.get(1)).isEqualTo(KB + "actions.yaml:" + fix + ": action 'a-fix-that-reveals': a fix removes"
                + " a cause and reveals nothing; 'reveals' is for actions that collect or show");
    }

    @Test
    void requiresNamesKnownActionsWrittenAsAnIdOrWithACondition() {
        KbCopy kb = KbCopy.of(temp);
        int line = kb.append("actions.yaml", """
                  - id: needs-things
                    title: Needs
                    section: "503 errors"
                    kind: inspect
                    cost: low
                    risk: none
                    changesServerState: false
                    requires:
                      - collect-iis-logs
                      - {action: install-the-moon, when: {stack: aspnet}}
                      - [not, an, entry]
                      - {action: collect-iis-logs, when: "stack is aspnet"}
                    why: Because.
                    steps: [Look.]
                """);
        String at = KB + "actions.yaml:";
        assertThat(problems(kb)).containsExactlyInAnyOrder(
                at + (line + 10) + ":9: action 'needs-things': field 'requires[2]' must be text or a mapping, got a list",
                at + (line + 11) + ":36: action 'needs-things': field 'requires[3].when' must be a mapping, "
                        + "got 'stack is aspnet'",
                at + line + ": action 'needs-things' requires: unknown action id 'install-the-moon' (not in actions.yaml)");
    }

    @Test
    void conditionalStepsAreValidated() {
        KbCopy kb = KbCopy.of(temp);
        int line = kb.append("actions.yaml", """
                  - id: conditional-steps
                    title: Steps
                    section: "503 errors"
                    kind: inspect
                    cost: low
                    risk: none
                    changesServerState: false
                    why: Because.
                    steps:
                      - A plain step.
                      - {text: Only for ASP.NET., when: {stack: [aspnet, aspnet-core]}}
                      - {text: Typo., whem: {stack: aspnet}}
                      - {when: {stack: aspnet}}
                      - {text: Empty value., unless: {internetFacing: ""}}
                      - [a, list]
                    verify:
                      - {text: "Check {undeclared}.", when: {stack: aspnet}}
                """);
        String at = KB + "actions.yaml:";
        String what = ": action 'conditional-steps': ";
        assertThat(problems(kb)).containsExactlyInAnyOrder(
                at + (line + 11) + ":23" + what + "unknown field 'steps[2].whem' (allowed: text, when, unless)",
                at + (line + 12) + ":9" + what + "missing required field 'steps[3].text'",
                at + (line + 13) + ":39" + what + "field 'steps[4].unless.internetFacing' is blank",
                at + (line + 14) + ":9" + what + "field 'steps[5]' must be text or a mapping, got a list",
                at + line + what + "placeholder {undeclared} is not declared in params or globals");
    }

    @Test
    void conditionalStepsLoadWithTheirConditions() throws KnowledgeBaseException {
        KbCopy kb = KbCopy.of(temp);
        kb.append("actions.yaml", """
                  - id: conditional-steps
                    title: Steps
                    section: "503 errors"
                    kind: inspect
                    cost: low
                    risk: none
                    changesServerState: false
                    why: Because.
                    requires:
                      - {action: collect-iis-logs, unless: {tracingInstalled: "true"}}
                    steps:
                      - A plain step.
                      - {text: Only for ASP.NET., when: {stack: [aspnet, aspnet-core]}, unless: {win32: 64}}
                """);
        ActionDefinition a = KnowledgeBaseLoader.load(kb.dir).action("conditional-steps");
        assertThat(a.scope()).as("the default scope").isEqualTo(org.iisdiag.conclusions.Target.Scope.SITE);
        assertThat(a.steps()).hasSize(2);
        assertThat(a.steps().get(0).condition().always()).isTrue();
        Condition c = a.steps().get(1).condition();
        assertThat(c.when()).containsEntry("stack", List.of("aspnet", "aspnet-core"));
        assertThat(c.unless()).containsEntry("win32", List.of("64"));
        assertThat(a.requires()).singleElement().satisfies(r -> {
            assertThat(r.actionId()).isEqualTo("collect-iis-logs");
            assertThat(r.condition().unless()).containsEntry("tracingInstalled", List.of("true"));
        });
    }

    @Test
    void badSignaturesAndExceptionCodes() {
        KbCopy kb = KbCopy.of(temp);
        int regex = kb.append("exception-signatures.yaml", """
                  - id: broken-signature
                    pattern: 'Login failed for user (?<account>'
                    diagnosis: sql-login-failed
                    note: Unbalanced.
                """);
        int duplicate = kb.append("exception-signatures.yaml", """
                  - id: sql-login-machine-account
                    pattern: 'again'
                    diagnosis: sql-login-failed
                    note: Twice.
                """);
        int code = kb.append("exception-codes.yaml", """
                  - code: "c00000fd"
                    name: NO_PREFIX
                    meaning: Written without 0x.
                """);
        List<String> problems = problems(kb);
        assertThat(problems).hasSize(3);
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(KB + "exception-signatures.yaml:" + regex
                + ": signature 'broken-signature': invalid regular expression: "));
        assertThat(problems).contains(KB + "exception-signatures.yaml:" + duplicate
                + ": signature 'sql-login-machine-account': duplicate signature id 'sql-login-machine-account'");
        assertThat(problems).contains(KB + "exception-codes.yaml:" + code
                + ":5: exception code 'c00000fd': code must be written 0x followed by 8 hex digits, e.g. 0xc00000fd");
    }

    @Test
    void anUnknownRevelationAtTheTopOfActionsIsAnError() {
        KbCopy kb = KbCopy.of(temp);
        int line = kb.replaceFirst("actions.yaml", "\nrevelations:\n", "\nrevelation:\n") + 1;
        List<String> problems = problems(kb);
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(KB + "actions.yaml:" + line
                + ": unknown top-level key 'revelation' (expected 'actions' or [").contains("revelations"));
        // without the declarations every action's reveals names an unknown revelation, each at its action
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(KB + "actions.yaml:")
                .contains("reveals unknown revelation 'iis-log'"));
    }
}
