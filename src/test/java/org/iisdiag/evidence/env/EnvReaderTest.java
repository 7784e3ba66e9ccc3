package org.iisdiag.evidence.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.iisdiag.evidence.LineProblem;
import org.iisdiag.evidence.ReadReport;
import org.iisdiag.facts.ApplicationType;
import org.iisdiag.facts.EvidenceKind;
import org.iisdiag.facts.ReportedSymptom;
import org.iisdiag.facts.ServerEnvironment;
import org.iisdiag.facts.SiteInfo;
import org.iisdiag.facts.Tristate;
import org.junit.jupiter.api.Test;

class EnvReaderTest {
    private static final String FILE = "case/env.yaml";

    private ReadReport report;

    private EnvFacts read(String yaml) throws IOException {
        report = new ReadReport(FILE, EvidenceKind.ENV_YAML);
        return new EnvReader().read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), report);
    }

    private void assertFailedWith(EnvFacts facts, String messageStart) {
        assertThat(report.failed()).as("report failed").isTrue();
        assertThat(report.fatalError()).startsWith(messageStart).doesNotContain("\n");
        assertThat(facts).isEqualTo(EnvFacts.unknown());
    }

    @Test
    void fullValidFile() throws IOException {
        EnvFacts facts = read("""
                # Facts about the server
                server:
                  name: WEB01
                  iisVersion: "10.0"
                  internetFacing: true
                  tracingInstalled: false
                applicationType: aspnet
                sites:
                  - id: 3
                    name: Shop
                    appPool: ShopPool
                    applicationType: aspnetcore
                  - id: 1
                    name: Default Web Site
                reported:
                  statusCodes: [503, 500, 503]
                  description: >-
                    Users see 503 errors
                    every morning.
                """);
        assertThat(report.failed()).isFalse();
        assertThat(report.notes()).isEmpty();
        assertThat(facts.server()).isEqualTo(new ServerEnvironment("WEB01", "10.0", ApplicationType.ASPNET,
                Tristate.YES, Tristate.NO));
        assertThat(facts.sites()).containsExactly(
                new SiteInfo(1, "Default Web Site", "", ApplicationType.ASPNET),
                new SiteInfo(3, "Shop", "ShopPool", ApplicationType.ASPNET_CORE));
        assertThat(facts.sites().get(1).logLabel()).isEqualTo("W3SVC3");
        assertThat(facts.reported()).containsExactly(new ReportedSymptom(500), new ReportedSymptom(503));
        assertThat(facts.description()).isEqualTo("Users see 503 errors every morning.");
        // server, two sites, two reported statuses, and the description read for the messages it quotes
        assertThat(facts.facts()).hasSize(1 + 2 + 2 + 1).first().isEqualTo(facts.server());
        assertThat(facts.facts()).last().isEqualTo(new org.iisdiag.facts.ReportedMessage(
                "Users see 503 errors every morning.", "env.yaml reported.description"));
    }

    @Test
    void partialFileLeavesTheRestUnknown() throws IOException {
        EnvFacts facts = read("sites:\n  - id: 2\n");
        assertThat(report.failed()).isFalse();
        assertThat(facts.server()).isEqualTo(ServerEnvironment.unknown());
        assertThat(facts.sites()).containsExactly(new SiteInfo(2, "W3SVC2", "", ApplicationType.UNKNOWN));
        assertThat(facts.reported()).isEmpty();
        assertThat(facts.description()).isEmpty();

        facts = read("server:\n  name: WEB02\n");
        assertThat(report.failed()).isFalse();
        assertThat(facts.server()).isEqualTo(new ServerEnvironment("WEB02", "", ApplicationType.UNKNOWN,
                Tristate.UNKNOWN, Tristate.UNKNOWN));
    }

    @Test
    void emptyFileIsANoteNotAFailure() throws IOException {
        for (String empty : new String[] {"", "\n\n", "# everything commented out\n# server:\n#   name: X\n", "---\n"}) {
            EnvFacts facts = read(empty);
            assertThat(report.failed()).as("'%s' failed: %s", empty, report.fatalError()).isFalse();
            assertThat(report.notes()).as(empty).containsExactly("env.yaml is empty");
            assertThat(facts).isEqualTo(EnvFacts.unknown());
        }
    }

    /** The file was used, with exactly these problems rejected (line and the start of the reason). */
    private void assertRejected(String... lineAndReason) {
        assertThat(report.failed()).as("the file is still used: %s", report.fatalError()).isFalse();
        assertThat(report.rejected()).isEqualTo(lineAndReason.length);
        for (int i = 0; i < lineAndReason.length; i++) {
            LineProblem p = report.problems().get(i);
            assertThat(p.file()).isEqualTo(FILE);
            assertThat(p.line() + ": " + p.reason()).startsWith(lineAndReason[i]).doesNotContain("\n");
        }
    }

    @Test
    void unknownKeyNamesTheKeyAndLineAndTheOtherKeysAreUsed() throws IOException {
        EnvFacts facts = read("""
                server:
                  name: WEB01
                  internetFacng: true
                  tracingInstalled: true
                """);
        assertRejected("3: unknown key 'internetFacng'");
        assertThat(report.problems().get(0).reason()).contains("internetFacing", "tracingInstalled");
        assertThat(facts.server()).isEqualTo(new ServerEnvironment("WEB01", "", ApplicationType.UNKNOWN,
                Tristate.UNKNOWN, Tristate.YES));
    }

    @Test
    void anUnknownKeyThatIsNoNameIsNotEchoed() throws IOException {
        // found by the long fuzz run: an anchor swallowed "--password", leaving the secret as a key
        read("&amp--password PLANTEDFZ;serve-->r: x\nserver:\n  name: WEB01\n");
        assertRejected("1: unknown key of 19 characters that is not a name (not shown)");
        assertThat(report.problems().toString()).doesNotContain("PLANTEDFZ");
    }

    @Test
    void unknownTopLevelKeyIsSkippedWithItsWholeValue() throws IOException {
        EnvFacts facts = read("server:\n  name: WEB01\nsite:\n  - id: 1\n    name: X\nreported:\n  statusCodes: [503]\n");
        assertRejected("3: unknown key 'site'");
        assertThat(facts.server().serverName()).isEqualTo("WEB01");
        assertThat(facts.sites()).isEmpty();
        assertThat(facts.reported()).containsExactly(new ReportedSymptom(503));
    }

    @Test
    void badApplicationTypeFallsBackToUnknown() throws IOException {
        EnvFacts facts = read("""
                server:
                  name: WEB01
                applicationType: php
                """);
        assertRejected("3: unknown application type 'php'");
        assertThat(report.problems().get(0).reason()).contains("aspnetcore", "classic-asp");
        assertThat(facts.server().applicationType()).isEqualTo(ApplicationType.UNKNOWN);
        assertThat(facts.server().serverName()).isEqualTo("WEB01");
    }

    @Test
    void badApplicationTypeOfASiteKeepsTheSiteWithTheDefaultType() throws IOException {
        EnvFacts facts = read("""
                applicationType: aspnet
                sites:
                  - id: 1
                    name: A
                  - id: 2
                    applicationType: node
                """);
        assertRejected("6: unknown application type 'node'");
        assertThat(facts.sites()).containsExactly(new SiteInfo(1, "A", "", ApplicationType.ASPNET),
                new SiteInfo(2, "W3SVC2", "", ApplicationType.ASPNET));
    }

    @Test
    void duplicateSiteIdKeepsTheFirst() throws IOException {
        EnvFacts facts = read("""
                sites:
                  - id: 1
                    name: A
                  - id: 2
                    name: B
                  - id: 1
                    name: C
                """);
        assertRejected("6: site id 1 is listed twice");
        assertThat(facts.sites()).extracting(SiteInfo::name).containsExactly("A", "B");
    }

    @Test
    void siteWithoutIdIsSkipped() throws IOException {
        EnvFacts facts = read("sites:\n  - name: A\n  - id: 2\n");
        assertRejected("2: site without a numeric 'id'");
        assertThat(facts.sites()).extracting(SiteInfo::id).containsExactly(2);
    }

    @Test
    void nonHttpStatusInReportedStatusCodes() throws IOException {
        EnvFacts facts = read("""
                reported:
                  statusCodes:
                    - 503
                    - 5030
                """);
        assertRejected("4: reported.statusCodes must be HTTP status codes, got 5030");
        assertThat(facts.reported()).containsExactly(new ReportedSymptom(503));
    }

    @Test
    void nonNumericStatusInReportedStatusCodes() throws IOException {
        EnvFacts facts = read("reported:\n  statusCodes: [503, \"5xx\"]\n");
        assertRejected("2: each of 'statusCodes' must be a number, got '5xx'");
        assertThat(facts.reported()).containsExactly(new ReportedSymptom(503));
    }

    @Test
    void wrongTypeForABooleanLeavesItUnknown() throws IOException {
        EnvFacts facts = read("server:\n  name: WEB01\n  internetFacing: sometimes\n");
        assertRejected("3: 'internetFacing' must be true or false, got 'sometimes'");
        assertThat(facts.server().internetFacing()).isEqualTo(Tristate.UNKNOWN);
        assertThat(facts.server().serverName()).isEqualTo("WEB01");
    }

    @Test
    void aMappingOrListWhereAValueBelongsIsSkippedWhole() throws IOException {
        EnvFacts facts = read("""
                server: [WEB01, WEB02]
                sites: 5
                reported:
                  description:
                    text: nested
                  statusCodes: [500]
                """);
        assertRejected("1: 'server' must be a mapping of keys, got a list", "2: 'sites' must be a list, got '5'",
                "4: 'description' must be a text value, got a mapping");
        assertThat(facts.reported()).containsExactly(new ReportedSymptom(500));
    }

    @Test
    void invalidYaml() throws IOException {
        EnvFacts facts = read("""
                server:
                  name: WEB01
                   iisVersion: 10
                """);
        assertFailedWith(facts, FILE + ":");
        assertThat(report.fatalError()).matches(java.util.regex.Pattern.quote(FILE) + ":[23]: .*");
        assertThat(report.fatalError()).doesNotContain("\n");
    }

    @Test
    void emptySiteEntry() throws IOException {
        EnvFacts facts = read("sites:\n  - id: 1\n  -\n");
        assertRejected("3: empty entry under sites");
        assertThat(facts.sites()).extracting(SiteInfo::id).containsExactly(1);
    }

    @Test
    void unknownKeyInASiteNamesItsLineAndKeepsTheSite() throws IOException {
        EnvFacts facts = read("sites:\n  - id: 1\n    pool: X\n    appPool: P\n");
        assertRejected("3: unknown key 'pool'");
        assertThat(report.problems().get(0).reason()).contains("appPool");
        assertThat(facts.sites()).containsExactly(new SiteInfo(1, "W3SVC1", "P", ApplicationType.UNKNOWN));
    }

    @Test
    void aListInsteadOfAMappingIsUnusable() throws IOException {
        EnvFacts facts = read("- server\n- sites\n");
        assertFailedWith(facts, FILE + ":1: env.yaml must be a mapping");
    }

    @Test
    void changesAreReadInTimeOrderWithTheirKindAndTarget() throws IOException {
        EnvFacts facts = read("""
                changes:
                  - when: 2025-10-19 18:00
                    what: identity
                    description: CrmPool identity switched from a domain account to ApplicationPoolIdentity
                    appPool: CrmPool
                  - when: "2025-03-04T14:05:00+01:00"
                    what: deployment
                    description: robocopy of the publish folder
                    site: "3"
                  - when: 2025-03-01
                    what: install
                """);
        assertThat(report.failed()).isFalse();
        assertThat(facts.changes()).extracting(c -> c.when().toString(), c -> c.kind(), c -> c.assumedUtc())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2025-03-01T00:00:00Z", org.iisdiag.facts.ChangeKind.INSTALL, true),
                        org.assertj.core.groups.Tuple.tuple("2025-03-04T13:05:00Z", org.iisdiag.facts.ChangeKind.DEPLOYMENT, false),
                        org.assertj.core.groups.Tuple.tuple("2025-10-19T18:00:00Z", org.iisdiag.facts.ChangeKind.IDENTITY, true));
        assertThat(facts.changes().get(2).appPool()).isEqualTo("CrmPool");
        assertThat(facts.changes().get(1).site()).isEqualTo("3");
        assertThat(facts.facts()).containsAll(facts.changes());
    }

    @Test
    void aChangeWithAnUnknownKindOrTimeIsRejectedAtItsLineAndTheOthersKept() throws IOException {
        EnvFacts facts = read("""
                changes:
                  - when: 2025-10-19 18:00
                    what: reboot-ish
                  - when: last tuesday
                    what: deployment
                  - when: 2025-10-20T08:00:00Z
                    what: deployment
                """);
        assertThat(report.failed()).isFalse();
        assertThat(report.problems()).extracting(LineProblem::line).containsExactly(3L, 4L);
        assertThat(report.problems().get(0).reason()).startsWith("unknown change kind 'reboot-ish'");
        assertThat(report.problems().get(1).reason()).startsWith("changes[1].when 'last tuesday' is not a date-time");
        assertThat(facts.changes()).extracting(c -> c.when().toString()).containsExactly("2025-10-20T08:00:00Z");
    }
}
