package org.iisdiag.scenarios;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.iisdiag.engine.RuleInfo;
import org.iisdiag.knowledge.KnowledgeBase;
import org.iisdiag.knowledge.Severity;

/**
 * Finds and validates scenario files. Unknown keys, unknown action/finding/question/rule ids and a
 * missing case folder are errors naming file:line, so a typo never turns into a silent pass.
 */
public final class ScenarioLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final KnowledgeBase kb;
    private final Set<String> ruleIds;

    public ScenarioLoader(KnowledgeBase kb, Collection<RuleInfo> rules) {
        this.kb = kb;
        this.ruleIds = rules.stream().map(RuleInfo::id).collect(java.util.stream.Collectors.toSet());
    }

    /** Scenario files (*.yaml, *.yml) under the given files or folders, in path order. */
    public static List<Path> discover(List<Path> roots) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isRegularFile(root)) {
                out.add(root);
                continue;
            }
            if (!Files.isDirectory(root)) {
                throw new IOException("no such scenario file or folder: " + root);
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).filter(ScenarioLoader::isScenarioName).sorted().forEach(out::add);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        return out;
    }

    private static boolean isScenarioName(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }

    public ScenarioFile load(Path file, String displayName) throws ScenarioException {
        Scenario s;
        try {
            s = YAML.readValue(file.toFile(), Scenario.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ScenarioException(List.of(displayName + ":" + e.getLocation().getLineNr() + ": unknown key '"
                    + e.getPropertyName() + "' (known: " + e.getKnownPropertyIds() + ")"));
        } catch (JsonProcessingException e) {
            throw new ScenarioException(List.of(displayName + ":" + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
                    + ": " + e.getOriginalMessage().replaceAll("\\s+", " ")));
        } catch (IOException e) {
            throw new ScenarioException(List.of(displayName + ": cannot read: " + e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        String where = displayName + ": ";
        if (s == null) {
            throw new ScenarioException(List.of(where + "empty scenario"));
        }
        if (s.name() == null || s.name().isBlank()) {
            problems.add(where + "missing required key 'name'");
        }
        if (s.evidence() == null) {
            problems.add(where + "missing required key 'evidence'");
        } else if (s.evidence().caseDir() != null
                && !Files.isDirectory(file.toAbsolutePath().getParent().resolve(s.evidence().caseDir()))) {
            problems.add(where + "evidence.case folder not found: " + s.evidence().caseDir());
        }
        if (s.expect() == null) {
            problems.add(where + "missing required key 'expect' (a scenario without expectations tests nothing)");
        } else {
            checkIds(where + "expect.actions", s.expect().actions(), id -> kb.action(id) != null, "action", problems);
            checkList(where + "expect.order", s.expect().order(), id -> kb.action(id) != null, "action", problems);
            if (s.expect().withinTop() != null) {
                if (s.expect().withinTop().n() == null || s.expect().withinTop().n() < 1) {
                    problems.add(where + "expect.withinTop.n must be a positive number");
                }
                checkList(where + "expect.withinTop.actions", s.expect().withinTop().actions(),
                        id -> kb.action(id) != null, "action", problems);
            }
            checkIds(where + "expect.findings", s.expect().findings(), id -> kb.finding(id) != null, "finding", problems);
            checkIds(where + "expect.questions", s.expect().questions(), id -> kb.question(id) != null, "question", problems);
            if (s.expect().rules() != null) {
                checkList(where + "expect.rules.fired", s.expect().rules().fired(), ruleIds::contains, "rule", problems);
                checkList(where + "expect.rules.notFired", s.expect().rules().notFired(), ruleIds::contains, "rule", problems);
            }
            if (s.expect().severity() != null) {
                try {
                    Severity.valueOf(s.expect().severity().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add(where + "expect.severity must be one of info, low, medium, high, critical");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return new ScenarioFile(file, displayName, s);
    }

    private static void checkIds(String where, Scenario.Ids ids, java.util.function.Predicate<String> known, String what,
                                 List<String> problems) {
        if (ids != null) {
            checkList(where + ".present", ids.present(), known, what, problems);
            checkList(where + ".absent", ids.absent(), known, what, problems);
        }
    }

    private static void checkList(String where, List<String> ids, java.util.function.Predicate<String> known,
                                  String what, List<String> problems) {
        if (ids == null) {
            return;
        }
        for (String id : ids) {
            if (!known.test(id)) {
                problems.add(where + ": unknown " + what + " id '" + id + "'");
            }
        }
    }
}
