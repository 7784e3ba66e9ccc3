package org.iisdiag.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.iisdiag.TestPack;
import org.iisdiag.casefolder.CaseFile;
import org.iisdiag.casefolder.CaseFolder;
import org.iisdiag.cli.CliRun;
import org.iisdiag.evidence.CaseEvidence;
import org.iisdiag.evidence.EvidenceCollector;
import org.iisdiag.evidence.ReadReport;
import org.iisdiag.facts.EvidenceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Attr;
import org.w3c.dom.Comment;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * collect/Collect-IisCase.ps1 cannot run here, so what it produces is checked from both ends: its
 * table of sources (parsed from the script) must match a case laid out exactly as the script lays it
 * out (src/test/resources/collect-layout/), every file of that case must be recognised by iisdiag's
 * readers as the kind the table names, the case must diagnose as a folder and as the zip the script
 * makes, and its configuration files must carry no secret.
 */
class CollectLayoutTest {
    static final Path SCRIPT = TestPack.home().resolve("collect/Collect-IisCase.ps1");
    static final Path LAYOUT = CollectLayout.LAYOUT;
    /** The file the script writes about itself, next to what it collected. */
    static final String COLLECT_LOG = "collect.log";
    private static final Pattern TABLE_ROW = Pattern.compile(
            "^\\s*@\\{ Name = '([^']+)';\\s*Target = '([^']+)';\\s*Kind = '([^']+)';\\s*Collect = '([^']+)' \\}\\s*$",
            Pattern.MULTILINE);

    record Source(String name, String target, EvidenceKind kind, String function) {
        /** The target as a regex over case-relative paths: <id> a number, <app> ROOT[/path], * a name part. */
        Pattern pattern() {
            StringBuilder re = new StringBuilder();
            Matcher m = Pattern.compile("<id>|<app>|\\*|[^<*]+|<").matcher(target);
            while (m.find()) {
                re.append(switch (m.group()) {
                    case "<id>" -> "[0-9]+";
                    case "<app>" -> "ROOT(?:/[^/]+)*";
                    case "*" -> "[^/]*";
                    default -> Pattern.quote(m.group());
                });
            }
            return Pattern.compile(re.toString());
        }
    }

    static List<Source> sources() throws IOException {
        String script = Files.readString(SCRIPT, StandardCharsets.UTF_8);
        List<Source> sources = new ArrayList<>();
        Matcher m = TABLE_ROW.matcher(script);
        while (m.find()) {
            sources.add(new Source(m.group(1), m.group(2), EvidenceKind.valueOf(m.group(3)), m.group(4)));
        }
        return sources;
    }

    private static List<String> layoutFiles() throws IOException {
        return CollectLayout.files();
    }

    /** The kind each file of the layout should be read as, from the script's table. */
    private static Map<String, EvidenceKind> expectedKinds() throws IOException {
        Map<String, EvidenceKind> kinds = new TreeMap<>();
        for (String file : layoutFiles()) {
            if (file.equals(COLLECT_LOG)) {
                kinds.put(file, EvidenceKind.COLLECTION_LOG);
                continue;
            }
            List<Source> matching = sources().stream().filter(s -> s.pattern().matcher(file).matches()).toList();
            assertThat(matching).as("sources whose Target matches %s", file).hasSize(1);
            kinds.put(file, matching.get(0).kind());
        }
        return kinds;
    }

    @Test
    void theScriptDeclaresEverySourceOnceWithACollectFunctionAndRunsEachInItsOwnTryCatch() throws IOException {
        String script = Files.readString(SCRIPT, StandardCharsets.UTF_8);
        List<Source> sources = sources();
        assertThat(sources).extracting(Source::name).doesNotHaveDuplicates()
                .contains("IisLogs", "HttpErrLogs", "FailedRequests", "SystemEvents", "ApplicationEvents", "SecurityEvents",
                        "AppHostConfig", "WebConfigs", "AncmStdoutLogs", "Environment");
        for (Source s : sources) {
            assertThat(script).as("function of %s", s.name()).containsPattern("(?m)^function " + s.function() + "\\(");
        }
        // one table row per "@{ Name =" line: a row the regex missed would escape this test
        assertThat(script.lines().filter(l -> l.strip().startsWith("@{ Name =")).count()).isEqualTo(sources.size());
        assertThat(script).contains("foreach ($source in $Sources)", "Write-CollectLog 'FAILED'", "Compress-Archive",
                "#Requires -RunAsAdministrator");
        // Windows PowerShell 5.1 reads a script without a BOM as ANSI: keep it ASCII
        assertThat(script.chars().allMatch(c -> c < 128)).as("ASCII only").isTrue();
    }

    @Test
    void everyFileOfTheLayoutComesFromOneSourceAndEverySourceHasAFile() throws IOException {
        Map<String, EvidenceKind> kinds = expectedKinds();
        assertThat(kinds).containsKey(COLLECT_LOG);
        for (Source s : sources()) {
            assertThat(kinds.keySet()).as("files of source %s (%s)", s.name(), s.target())
                    .anyMatch(f -> s.pattern().matcher(f).matches());
        }
    }

    @Test
    void theReadersRecogniseEveryFileAsTheKindItsSourceNamesAndReadItWithoutProblems() throws Exception {
        Map<String, EvidenceKind> expected = expectedKinds();
        CaseFolder.Scan scan = CaseFolder.scan(LAYOUT);
        assertThat(scan.unreadable()).isEmpty();
        Map<String, EvidenceKind> sniffed = new TreeMap<>();
        for (CaseFile f : scan.files()) {
            sniffed.put(f.name(), f.kind());
        }
        assertThat(sniffed).isEqualTo(expected).doesNotContainValue(EvidenceKind.UNKNOWN);

        CaseEvidence evidence = new EvidenceCollector().collect("collect-layout", scan);
        assertThat(evidence.hasUsableEvidence()).isTrue();
        for (ReadReport r : evidence.reports()) {
            assertThat(r.failed()).as("%s failed: %s", r.file(), r.fatalError()).isFalse();
            assertThat(r.rejected()).as("%s rejected %s", r.file(), r.problems()).isZero();
        }
        assertThat(evidence.env().server().serverName()).isEqualTo("WEB01");
        assertThat(evidence.env().sites()).hasSize(3);
        assertThat(evidence.sources()).extracting(s -> s.kind()).containsAll(new HashSet<>(expected.values()));
        ReadReport log = evidence.reports().stream().filter(r -> r.file().equals(COLLECT_LOG)).findFirst().orElseThrow();
        assertThat(log.notes()).anyMatch(n -> n.startsWith("not collected: WebConfigs: "))
                .anyMatch(n -> n.startsWith("collection note: FailedRequests: no folder"));
    }

    @Test
    void theZipDiagnosesLikeTheFolderWithEveryFileUsed(@TempDir Path tmp) throws Exception {
        Path zip = CollectLayout.zipLikeCompressArchive(tmp.resolve("iis-case-WEB01-20250109-1202.zip"));
        JsonNode fromZip = json(CliRun.withPack("diagnose", zip.toString(), "--format", "json"));
        JsonNode fromFolder = json(CliRun.withPack("diagnose", LAYOUT.toString(), "--format", "json"));

        Set<String> names = new HashSet<>();
        for (JsonNode input : fromZip.get("inputs")) {
            assertThat(input.get("used").asBoolean()).as(input.toString()).isTrue();
            assertThat(input.get("error").asText()).as(input.toString()).isEmpty();
            assertThat(input.get("kind").asText()).isNotEqualTo(EvidenceKind.UNKNOWN.label());
            names.add(input.get("name").asText());
        }
        assertThat(names).contains("iis-case-WEB01-20250109-1202.zip!/W3SVC2/u_ex250109.log",
                "iis-case-WEB01-20250109-1202.zip!/config/W3SVC2/ROOT/api/web.config").hasSize(layoutFiles().size());
        assertThat(actionIds(fromZip)).isNotEmpty().isEqualTo(actionIds(fromFolder));
        assertThat(fromZip.get("summary").get("environment").get("serverName").asText()).isEqualTo("WEB01");
    }

    private static JsonNode json(CliRun run) throws IOException {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    private static List<String> actionIds(JsonNode report) {
        List<String> ids = new ArrayList<>();
        report.get("actions").forEach(a -> ids.add(a.get("id").asText()));
        return ids;
    }

    // --- redaction: what the script's Protect-ConfigXml must leave behind, stated independently of it ---

    /** Names that say "secret": password, secret, key, token, connection string (the brief's list). */
    private static final Pattern SECRET_NAME = Pattern.compile("(?i)password|pwd|secret|token|key|connectionstring|credential");
    /** Attributes named like secrets that hold identifiers: a setting's name, an assembly's public key token. */
    private static final Set<String> IDENTIFIERS = Set.of("key", "publickeytoken", "keycontainername");
    /** Environment variables iisdiag reads and that are never secret. */
    private static final Set<String> KEPT_VARIABLES = Set.of("ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT",
            "ASPNETCORE_DETAILEDERRORS", "ASPNETCORE_MODULE_DEBUG");
    /**
     * What secrets look like in the text: a password in a connection string, long base64 or hex blobs
     * (with a digit, unlike a long identifier such as RsaProtectedConfigurationProvider), API keys.
     */
    private static final Pattern SECRET_VALUE = Pattern.compile(
            "(?i)(password|pwd)\\s*=\\s*[^\\[;\"\\s]|(?=[A-Za-z+/]*[0-9])[A-Za-z0-9+/]{32,}={0,2}|sk_live_|AIza[0-9A-Za-z_-]{10,}");
    private static final String REDACTED = "[redacted]";

    @Test
    void theRedactedConfigsKeepTheirNamesButNoSecret() throws Exception {
        List<String> configs = layoutFiles().stream().filter(f -> f.endsWith(".config")).toList();
        assertThat(configs).contains("config/applicationHost.config", "config/W3SVC1/ROOT/web.config");
        int redactedValues = 0;
        for (String file : configs) {
            String text = Files.readString(LAYOUT.resolve(file), StandardCharsets.UTF_8);
            assertThat(text).as(file).doesNotContainPattern(SECRET_VALUE.pattern());
            Document doc = parse(LAYOUT.resolve(file));
            NodeList all = doc.getElementsByTagName("*");
            for (int i = 0; i < all.getLength(); i++) {
                Element e = (Element) all.item(i);
                NamedNodeMap attrs = e.getAttributes();
                for (int j = 0; j < attrs.getLength(); j++) {
                    Attr a = (Attr) attrs.item(j);
                    if (mustBeRedacted(e, a)) {
                        assertThat(a.getValue()).as("%s: <%s %s>", file, e.getTagName(), a.getName()).isEqualTo(REDACTED);
                        redactedValues++;
                    }
                }
                if (e.getTagName().equals("EncryptedData")) {
                    assertThat(e.getElementsByTagName("*").getLength()).as("%s: EncryptedData keeps no content", file).isZero();
                }
            }
            NodeList nodes = doc.getElementsByTagName("*");
            for (int i = 0; i < nodes.getLength(); i++) {
                for (Node c = nodes.item(i).getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c instanceof Comment comment && SECRET_NAME.matcher(comment.getData()).find()) {
                        assertThat(comment.getData()).as("%s: a comment that mentions a secret", file).contains(REDACTED);
                    }
                }
            }
        }
        // the layout has secrets of every kind the script removes, so the checks above were exercised
        assertThat(redactedValues).isGreaterThanOrEqualTo(10);
    }

    private static boolean mustBeRedacted(Element e, Attr a) {
        String name = a.getName();
        if (IDENTIFIERS.contains(name.toLowerCase(java.util.Locale.ROOT)) || name.startsWith("xmlns")) {
            return false;
        }
        if (SECRET_NAME.matcher(name).find()) {
            return true;
        }
        if (!name.equals("value")) {
            return false;
        }
        if (e.getTagName().equals("environmentVariable")) {
            return !KEPT_VARIABLES.contains(e.getAttribute("name"));
        }
        return e.getParentNode() instanceof Element parent && parent.getTagName().equals("appSettings")
                || SECRET_NAME.matcher(e.getAttribute("key") + " " + e.getAttribute("name")).find();
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(file.toFile());
    }
}
