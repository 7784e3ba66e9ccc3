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
 * Finds and validates scenario files. Unknown keys, unknown action/diagnosis/question/rule ids and a
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
            // Jackson's location is past the key's value; the key's own line is what an author needs
            throw new ScenarioException(List.of(displayName + ":" + keyLine(file, e.getPropertyName(), e.getLocation().getLineNr())
                    + ": unknown key '" + e.getPropertyName() + "' (known: "
                    + e.getKnownPropertyIds().stream().map(Object::toString).sorted().toList() + ")"));
        } catch (JsonProcessingException e) {
            throw new ScenarioException(List.of(displayName + ":" + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
                    + ": " + e.getOriginalMessage().replaceAll("\\s+", " ")));
        } catch (IOException e) {
            throw new ScenarioException(List.of(displayName + ": cannot read: " + e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        String where = displayName + ": ";
        if (s == null) {
            throw new ScenarioException(List.of(displayName + ":1: empty scenario"));
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ScenarioException(List.of(where + "cannot read: " + e.getMessage()));
        }
        // ids are reported at the line they are written on, so the author can jump to them
        java.util.function.Function<String, String> at = id -> displayName + ":" + lineOf(text, id) + ": ";
        if (s.name() == null || s.name().isBlank()) {
            problems.add(displayName + ":1: missing required key 'name'");
        }
        if (s.evidence() == null) {
            problems.add(displayName + ":1: missing required key 'evidence'");
        } else if (s.evidence().caseDir() != null
                && !Files.isDirectory(file.toAbsolutePath().getParent().resolve(s.evidence().caseDir()))) {
            problems.add(at.apply(s.evidence().caseDir()) + "evidence.case folder not found: " + s.evidence().caseDir());
        }
        if (s.expect() == null) {
            problems.add(displayName + ":1: missing required key 'expect' (a scenario without expectations tests nothing)");
        } else if (isEmpty(s.expect())) {
            problems.add(at.apply("expect") + "'expect' has no expectations (a scenario without expectations tests nothing)");
        } else {
            checkIds("expect.actions", s.expect().actions(), id -> kb.action(id) != null, "action", at, problems);
            checkList("expect.order", s.expect().order(), id -> kb.action(id) != null, "action", at, problems);
            if (s.expect().withinTop() != null) {
                if (s.expect().withinTop().n() == null || s.expect().withinTop().n() < 1) {
                    problems.add(at.apply("withinTop") + "expect.withinTop.n must be a positive number");
                }
                checkList("expect.withinTop.actions", s.expect().withinTop().actions(),
                        id -> kb.action(id) != null, "action", at, problems);
            }
            checkIds("expect.diagnoses", s.expect().diagnoses(), id -> kb.diagnosis(id) != null, "diagnosis", at, problems);
            checkList("expect.confirmed", s.expect().confirmed(), id -> kb.diagnosis(id) != null, "diagnosis", at, problems);
            checkList("expect.notRecommended", s.expect().notRecommended(), id -> kb.action(id) != null, "action", at, problems);
            checkIds("expect.questions", s.expect().questions(), id -> kb.question(id) != null, "question", at, problems);
            if (s.expect().rules() != null) {
                checkList("expect.rules.fired", s.expect().rules().fired(), ruleIds::contains, "rule", at, problems);
                checkList("expect.rules.notFired", s.expect().rules().notFired(), ruleIds::contains, "rule", at, problems);
            }
            if (s.expect().severity() != null) {
                try {
                    if (!s.expect().severity().equalsIgnoreCase("none")) {
                        Severity.valueOf(s.expect().severity().toUpperCase(Locale.ROOT));
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(at.apply("severity") + "expect.severity must be one of none, info, low, medium, high, critical");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return new ScenarioFile(file, displayName, s);
    }

    private static boolean isEmpty(Scenario.Expect e) {
        return e.actions() == null && e.order() == null && e.withinTop() == null && e.diagnoses() == null
                && e.confirmed() == null && e.notRecommended() == null && e.questions() == null && e.rules() == null
                && e.severity() == null;
    }

    private static void checkIds(String key, Scenario.Ids ids, java.util.function.Predicate<String> known, String what,
                                 java.util.function.Function<String, String> at, List<String> problems) {
        if (ids != null) {
            checkList(key + ".present", ids.present(), known, what, at, problems);
            checkList(key + ".absent", ids.absent(), known, what, at, problems);
        }
    }

    private static void checkList(String key, List<String> ids, java.util.function.Predicate<String> known,
                                  String what, java.util.function.Function<String, String> at, List<String> problems) {
        if (ids == null) {
            return;
        }
        for (String id : ids) {
            if (!known.test(id)) {
                problems.add(at.apply(id) + key + ": unknown " + what + " id '" + id + "'");
            }
        }
    }

    /** The line of the last "key:" at or before {@code near}, so the nearest occurrence of a repeated key wins. */
    private static int keyLine(Path file, String key, int near) {
        try {
            List<String> lines = Files.readAllLines(file);
            java.util.regex.Pattern p = java.util.regex.Pattern.compile("^\\s*(-\\s+)?" + java.util.regex.Pattern.quote(key) + "\\s*:");
            for (int i = Math.min(near, lines.size()) - 1; i >= 0; i--) {
                if (p.matcher(lines.get(i)).find()) {
                    return i + 1;
                }
            }
        } catch (IOException ignored) {
            // fall back to Jackson's line
        }
        return near;
    }

    /** The line where {@code id} first stands as a whole word (1 when not found). */
    static int lineOf(String text, String id) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(?<![\\w.-])" + java.util.regex.Pattern.quote(id) + "(?![\\w.-])").matcher(text);
        if (!m.find()) {
            return 1;
        }
        int line = 1;
        for (int i = 0; i < m.start(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
