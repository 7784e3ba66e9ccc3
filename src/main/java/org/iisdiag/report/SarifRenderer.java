package org.iisdiag.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.iisdiag.facts.SampleLine;
import org.iisdiag.report.DiagnosisReport.EvidenceItem;
import org.iisdiag.report.DiagnosisReport.RankedAction;
import org.iisdiag.report.DiagnosisReport.ReportedDiagnosis;

/**
 * The report as SARIF 2.1.0 (for GitHub code scanning and other SARIF viewers): one run; a rule per
 * diagnosis concluded, a result per concluded diagnosis at the log and config lines of its evidence
 * (relative to the case folder, uriBaseId CASE). Like JsonRenderer it writes what the report holds, which is
 * already redacted; Jackson escapes the text, and no text is given as SARIF markdown, so a viewer shows it
 * as written.
 */
public final class SarifRenderer implements ReportRenderer {
    static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    static final String CASE = "CASE";
    /** "iisdiag 0.2.0, Drools 10.2.0, rule pack f307765ba50f", as ReportBuilder names the tool. */
    private static final Pattern TOOL = Pattern.compile("iisdiag (\\S+?),.*rule pack (\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String render(DiagnosisReport report) {
        ObjectNode sarif = JSON.createObjectNode();
        sarif.put("$schema", SCHEMA);
        sarif.put("version", "2.1.0");
        ObjectNode run = sarif.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "iisdiag");
        Matcher tool = TOOL.matcher(report.tool() == null ? "" : report.tool());
        if (tool.find()) {
            driver.put("version", tool.group(1));
        }
        ObjectNode driverProps = driver.putObject("properties");
        driverProps.put("tool", report.tool());
        if (tool.find(0)) {
            driverProps.put("rulePack", tool.group(2));
        }
        ObjectNode base = run.putObject("originalUriBaseIds").putObject(CASE);
        base.putObject("description").put("text", "The case folder given to iisdiag diagnose.");
        Map<String, Integer> ruleIndex = rules(report.diagnoses(), driver.putArray("rules"));
        ArrayNode results = run.putArray("results");
        for (ReportedDiagnosis d : report.diagnoses()) {
            results.add(result(d, ruleIndex.get(d.id()), report.actions()));
        }
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return JSON.writer(printer).writeValueAsString(sarif) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One rule per diagnosis id, in the order first concluded; returns each id's index in the array. */
    private static Map<String, Integer> rules(List<ReportedDiagnosis> diagnoses, ArrayNode rules) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (ReportedDiagnosis d : diagnoses) {
            if (index.containsKey(d.id())) {
                continue;
            }
            index.put(d.id(), index.size());
            ObjectNode rule = rules.addObject();
            rule.put("id", d.id());
            rule.putObject("shortDescription").put("text", text(d.title()));
            rule.putObject("help").put("text", text(d.explanation()));
            rule.putObject("defaultConfiguration").put("level", level(d.severity()));
            ObjectNode props = rule.putObject("properties");
            props.put("severity", d.severity());
            props.put("certainty", d.certainty());
            props.put("section", d.section());
        }
        return index;
    }

    private static ObjectNode result(ReportedDiagnosis d, int ruleIndex, List<RankedAction> actions) {
        ObjectNode result = JSON.createObjectNode();
        result.put("ruleId", d.id());
        result.put("ruleIndex", ruleIndex);
        result.put("level", level(d.severity()));
        result.putObject("message").put("text", message(d));
        ArrayNode locations = result.putArray("locations");
        Set<String> seen = new LinkedHashSet<>();
        for (EvidenceItem e : d.evidence()) {
            for (SampleLine s : e.samples() == null ? List.<SampleLine>of() : e.samples()) {
                String uri = caseRelativeUri(s.file());
                if (uri != null && seen.add(uri + ":" + s.line())) {
                    ObjectNode physical = locations.addObject().putObject("physicalLocation");
                    ObjectNode artifact = physical.putObject("artifactLocation");
                    artifact.put("uri", uri);
                    artifact.put("uriBaseId", CASE);
                    if (s.line() > 0) {
                        physical.putObject("region").put("startLine", s.line());
                    }
                }
            }
        }
        ObjectNode props = result.putObject("properties");
        props.put("severity", d.severity());
        props.put("certainty", d.certainty());
        props.put("target", d.target() == null ? "" : d.target().text());
        props.put("reach", d.reach());
        props.put("firstSeen", d.firstSeen());
        props.put("lastSeen", d.lastSeen());
        // The ranked actions that serve this diagnosis go in the property bag, not in result.fixes: a SARIF fix
        // is a set of artifactChanges (text replacements in the analysed files), while these are steps an
        // operator takes on a server (inspect, collect, configure); the logs they rest on are not to be edited.
        ArrayNode planned = props.putArray("actions");
        for (RankedAction a : actions) {
            if (a.serves() != null && a.serves().contains(d.id())) {
                ObjectNode action = planned.addObject();
                action.put("rank", a.rank());
                action.put("id", a.id());
                action.put("priority", a.priority());
                action.put("title", a.title());
                action.put("kind", a.kind());
                action.put("risk", a.risk());
                action.put("changesServerState", a.changesServerState());
                strings(action.putArray("steps"), a.steps());
                strings(action.putArray("verify"), a.verify());
                strings(action.putArray("revert"), a.revert());
            }
        }
        return result;
    }

    /** The title, then what it rests on: "...: 264 x HTTPERR AppOffline (503) ...; 12 x 503.0 in the IIS log". */
    static String message(ReportedDiagnosis d) {
        StringBuilder b = new StringBuilder(text(d.title()));
        String sep = ". Evidence: ";
        for (EvidenceItem e : d.evidence()) {
            if (!e.context()) {
                b.append(sep).append(e.summary());
                sep = "; ";
            }
        }
        return b.append('.').toString();
    }

    /**
     * A sample's file as a URI reference relative to the case folder ("W3SVC1/u_ex250109.log", spaces as %20),
     * or null for a name that is absolute or climbs out of the folder: SARIF locations stay inside CASE.
     */
    static String caseRelativeUri(String file) {
        if (file == null || file.isBlank()) {
            return null;
        }
        String path = file.replace('\\', '/');
        if (path.startsWith("/") || path.matches("^[A-Za-z]:.*") || ("/" + path + "/").contains("/../")) {
            return null;
        }
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** critical and high are errors, medium a warning, low and info notes. */
    static String level(String severity) {
        return switch (severity == null ? "" : severity) {
            case "critical", "high" -> "error";
            case "medium" -> "warning";
            default -> "note";
        };
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? "(none)" : s.strip();
    }

    private static void strings(ArrayNode into, List<String> values) {
        if (values != null) {
            values.forEach(into::add);
        }
    }
}
