package org.iisdiag.evidence.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

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
        assertThat(facts.facts()).hasSize(1 + 2 + 2).first().isEqualTo(facts.server());
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

    @Test
    void unknownKeyNamesTheKeyAndLine() throws IOException {
        EnvFacts facts = read("""
                server:
                  name: WEB01
                  internetFacng: true
                """);
        assertFailedWith(facts, FILE + ":3: unknown key 'internetFacng'");
        assertThat(report.fatalError()).contains("internetFacing", "tracingInstalled");
    }

    @Test
    void unknownTopLevelKey() throws IOException {
        EnvFacts facts = read("server:\n  name: WEB01\nsite:\n  - id: 1\n");
        assertFailedWith(facts, FILE + ":3: unknown key 'site'");
    }

    @Test
    void badApplicationType() throws IOException {
        EnvFacts facts = read("""
                server:
                  name: WEB01
                applicationType: php
                """);
        assertFailedWith(facts, FILE + ":3: ");
        assertThat(report.fatalError()).contains("unknown application type 'php'", "aspnetcore", "classic-asp");
    }

    @Test
    void badApplicationTypeOfASite() throws IOException {
        EnvFacts facts = read("""
                sites:
                  - id: 1
                    name: A
                  - id: 2
                    applicationType: node
                """);
        assertFailedWith(facts, FILE + ":5: ");
        assertThat(report.fatalError()).contains("unknown application type 'node'");
    }

    @Test
    void duplicateSiteId() throws IOException {
        EnvFacts facts = read("""
                sites:
                  - id: 1
                    name: A
                  - id: 2
                    name: B
                  - id: 1
                    name: C
                """);
        assertFailedWith(facts, FILE + ":6: ");
        assertThat(report.fatalError()).contains("site id 1 is listed twice");
    }

    @Test
    void siteWithoutId() throws IOException {
        EnvFacts facts = read("sites:\n  - name: A\n");
        assertFailedWith(facts, FILE + ":2: ");
        assertThat(report.fatalError()).contains("'id'");
    }

    @Test
    void nonHttpStatusInReportedStatusCodes() throws IOException {
        EnvFacts facts = read("""
                reported:
                  statusCodes:
                    - 503
                    - 5030
                """);
        assertFailedWith(facts, FILE + ":4: ");
        assertThat(report.fatalError()).contains("reported.statusCodes must be HTTP status codes, got 5030");
    }

    @Test
    void nonNumericStatusInReportedStatusCodes() throws IOException {
        EnvFacts facts = read("reported:\n  statusCodes: [503, \"5xx\"]\n");
        assertFailedWith(facts, FILE + ":2: ");
    }

    @Test
    void wrongTypeForABoolean() throws IOException {
        EnvFacts facts = read("server:\n  name: WEB01\n  internetFacing: sometimes\n");
        assertFailedWith(facts, FILE + ":3: ");
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
        assertFailedWith(facts, FILE + ":3: empty entry under sites");
    }

    @Test
    void unknownKeyInASiteNamesItsLine() throws IOException {
        EnvFacts facts = read("sites:\n  - id: 1\n    pool: X\n");
        assertFailedWith(facts, FILE + ":3: unknown key 'pool'");
        assertThat(report.fatalError()).contains("appPool");
    }

    @Test
    void aListInsteadOfAMapping() throws IOException {
        EnvFacts facts = read("- server\n- sites\n");
        assertFailedWith(facts, FILE + ":1: ");
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
    void aChangeWithAnUnknownKindOrTimeIsAnErrorAtItsLine() throws IOException {
        assertFailedWith(read("""
                changes:
                  - when: 2025-10-19 18:00
                    what: reboot-ish
                """), FILE + ":3: unknown change kind 'reboot-ish'");
        assertFailedWith(read("""
                changes:
                  - when: last tuesday
                    what: deployment
                """), FILE + ":2: changes[0].when 'last tuesday' is not a date-time");
    }
}
