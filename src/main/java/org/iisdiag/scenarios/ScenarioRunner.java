package org.iisdiag.scenarios;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.iisdiag.casefolder.CaseFolderException;
import org.iisdiag.diagnosis.Diagnostician;
import org.iisdiag.report.DiagnosisReport;
import org.iisdiag.report.DiagnosisReport.RankedAction;
import org.iisdiag.schema.Schemas;

/**
 * Runs a scenario: lays its evidence out as a case folder in a temporary directory (the referenced
 * case, then the inline files and env on top), diagnoses it through the same pipeline as
 * {@code diagnose}, and checks every expectation.
 */
public final class ScenarioRunner {
    private static final ObjectMapper YAML_OUT = new ObjectMapper(new YAMLFactory());
    /** As JsonRenderer writes the report. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Diagnostician diagnosis;

    public ScenarioRunner(Diagnostician diagnosis) {
        this.diagnosis = diagnosis;
    }

    public ScenarioResult run(ScenarioFile sf) {
        long start = System.nanoTime();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("iisdiag-scenario-");
            layOut(sf, dir);
            Diagnostician.Result result = diagnosis.run(dir, sf.scenario().name());
            List<String> fired = result.conclusions().firedRules().stream().distinct().sorted().toList();
            List<String> failures = new ArrayList<>(check(sf.scenario().expect(), result.report(), new LinkedHashSet<>(fired)));
            // a conclusion that shows less evidence than its rule matched fails every scenario it appears in
            // the JSON report is a published contract (knowledge-base/schemas/report.schema.json): every
            // scenario's report must keep it
            Schemas.validate(Schemas.named("report"), JSON.valueToTree(result.report())).forEach(p ->
                    failures.add("report breaks report.schema.json at " + p.pointer() + ": " + p.message()));
            result.conclusions().evidenceGaps().forEach(g -> failures.add("rule " + g.ruleId() + " concluded " + g.conclusion()
                    + " without the evidence it matched: " + g.missing()));
            return new ScenarioResult(sf, failures, describe(result.report()), fired, exercised(result), null,
                    millis(start));
        } catch (IOException | CaseFolderException | RuntimeException e) {
            return new ScenarioResult(sf, List.of(), List.of(), List.of(), ScenarioResult.Exercised.NONE,
                    e.getClass().getSimpleName() + ": " + e.getMessage(), millis(start));
        } finally {
            if (dir != null) {
                deleteQuietly(dir);
            }
        }
    }

    /**
     * Which catalog entries this run touched: actions it recommended, diagnoses it concluded, status codes
     * and reasons it saw.
     */
    private ScenarioResult.Exercised exercised(Diagnostician.Result result) {
        var kb = diagnosis.knowledgeBase();
        Set<String> actions = new java.util.TreeSet<>();
        result.report().actions().forEach(a -> actions.add(a.id()));
        Set<String> codes = new java.util.TreeSet<>();
        result.evidence().statusCounts().forEach(c -> {
            var info = kb.status(c.status(), c.substatus());
            if (info != null) {
                codes.add(info.code());
            }
        });
        Set<String> reasons = new java.util.TreeSet<>();
        result.evidence().httpErrCounts().forEach(e -> {
            if (kb.reason(e.reason()) != null) {
                reasons.add(e.reason());
            }
        });
        Set<String> diagnoses = new java.util.TreeSet<>();
        result.report().diagnoses().forEach(d -> diagnoses.add(d.id()));
        return new ScenarioResult.Exercised(actions, codes, reasons, diagnoses);
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Writes the scenario's evidence into {@code dir} as a case folder (package-private for tests). */
    static void layOut(ScenarioFile sf, Path dir) throws IOException {
        Scenario.Evidence ev = sf.scenario().evidence();
        if (ev.caseDir() != null) {
            Path src = sf.file().toAbsolutePath().getParent().resolve(ev.caseDir()).normalize();
            try (Stream<Path> walk = Files.walk(src)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    Path target = dir.resolve(src.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target);
                    }
                }
            }
        }
        if (ev.files() != null) {
            for (Map.Entry<String, String> f : ev.files().entrySet()) {
                Path target = dir.resolve(f.getKey()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IOException("evidence file name escapes the case folder: " + f.getKey());
                }
                Files.createDirectories(target.getParent());
                Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
            }
        }
        if (ev.env() != null && !ev.env().isNull()) {
            Files.writeString(dir.resolve("env.yaml"), YAML_OUT.writeValueAsString(ev.env()), StandardCharsets.UTF_8);
        }
    }

    static List<String> check(Scenario.Expect e, DiagnosisReport report, Set<String> fired) {
        List<String> failures = new ArrayList<>();
        List<String> actionIds = report.actions().stream().map(RankedAction::id).toList();
        if (e.actions() != null) {
            presentAbsent("action", e.actions(), actionIds, failures);
        }
        if (e.order() != null) {
            int last = -1;
            String lastId = null;
            for (String id : e.order()) {
                int at = actionIds.indexOf(id);
                if (at < 0) {
                    failures.add("order: action " + id + " is not in the result");
                } else if (at < last) {
                    failures.add("order: expected " + lastId + " (#" + (last + 1) + ") to rank above " + id + " (#"
                            + (at + 1) + ")");
                } else {
                    last = at;
                    lastId = id;
                }
            }
        }
        if (e.withinTop() != null) {
            List<String> top = actionIds.subList(0, Math.min(e.withinTop().n(), actionIds.size()));
            for (String id : e.withinTop().actions()) {
                if (!top.contains(id)) {
                    int at = actionIds.indexOf(id);
                    failures.add("withinTop: expected " + id + " within the top " + e.withinTop().n() + ", "
                            + (at < 0 ? "it is absent" : "it ranks #" + (at + 1)));
                }
            }
        }
        if (e.diagnoses() != null) {
            presentAbsent("diagnosis", e.diagnoses(), report.diagnoses().stream().map(d -> d.id()).toList(), failures);
        }
        if (e.confirmed() != null) {
            for (String id : e.confirmed()) {
                var found = report.diagnoses().stream().filter(d -> d.id().equals(id)).toList();
                if (found.isEmpty()) {
                    failures.add("diagnosis " + id + " was expected (confirmed) but is absent");
                } else if (found.stream().noneMatch(d -> d.certainty().equals("confirmed"))) {
                    failures.add("diagnosis " + id + " was expected confirmed but is " + found.get(0).certainty());
                }
            }
        }
        if (e.notRecommended() != null) {
            List<String> skipped = report.notRecommended().stream().map(n -> n.action()).toList();
            for (String id : e.notRecommended()) {
                if (!skipped.contains(id)) {
                    failures.add("action " + id + " was expected among the not-recommended (the case shows what it collects)");
                }
                if (report.actions().stream().anyMatch(a -> a.id().equals(id))) {
                    failures.add("action " + id + " is recommended but the case already shows what it collects");
                }
            }
        }
        if (e.questions() != null) {
            presentAbsent("question", e.questions(), report.questions().stream().map(q -> q.id()).toList(), failures);
        }
        if (e.rules() != null) {
            for (String id : e.rules().firedOrEmpty()) {
                if (!fired.contains(id)) {
                    failures.add("rule " + id + " was expected to fire but did not");
                }
            }
            for (String id : e.rules().notFiredOrEmpty()) {
                if (fired.contains(id)) {
                    failures.add("rule " + id + " fired but must not");
                }
            }
        }
        if (e.severity() != null) {
            String verdict = report.verdict().severity();
            if (!verdict.equals(e.severity().toLowerCase(Locale.ROOT))) {
                failures.add("severity: expected the verdict to be " + e.severity() + ", got " + verdict);
            }
        }
        return failures;
    }

    private static void presentAbsent(String what, Scenario.Ids ids, List<String> actual, List<String> failures) {
        for (String id : ids.presentOrEmpty()) {
            if (!actual.contains(id)) {
                failures.add(what + " " + id + " was expected but is absent");
            }
        }
        for (String id : ids.absentOrEmpty()) {
            if (actual.contains(id)) {
                failures.add(what + " " + id + " is present but must be absent");
            }
        }
    }

    /** "#1 start-app-pool P1 for rapid-fail-disabled-pool" for failure output. */
    static List<String> describe(DiagnosisReport report) {
        return report.actions().stream().map(a -> "#" + a.rank() + " " + a.id() + " " + a.priority() + " for "
                + String.join(", ", a.serves())).toList();
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a leftover temp file is harmless; the OS cleans the temp folder
                }
            });
        } catch (IOException ignored) {
            // as above
        }
    }
}
