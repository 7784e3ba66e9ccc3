package org.iisdiag.scenarios;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.iisdiag.diagnosis.Diagnostician;

/**
 * A run of many scenarios against one rule base (built once; each scenario gets a fresh session):
 * discovery, the optional name filter, scenario files that failed to load, and the results.
 */
public final class ScenarioSuite {

    /** What a suite run produced. {@code invalid} holds the problems of scenario files that could not load. */
    public record Outcome(List<ScenarioResult> results, List<String> invalid, int discovered) {
        public long passed() {
            return results.stream().filter(ScenarioResult::passed).count();
        }

        public long failed() {
            return results.size() - passed();
        }
    }

    private final Diagnostician diagnosis;
    private final Path displayBase;

    /** @param displayBase scenario paths are shown relative to this folder */
    public ScenarioSuite(Diagnostician diagnosis, Path displayBase) {
        this.diagnosis = diagnosis;
        this.displayBase = displayBase.toAbsolutePath().normalize();
    }

    /**
     * Runs the scenarios under {@code roots} whose name or path matches {@code filter} (null: all).
     *
     * @throws IOException when a root does not exist or cannot be listed
     */
    public Outcome run(List<Path> roots, Pattern filter) throws IOException {
        ScenarioLoader loader = new ScenarioLoader(diagnosis.knowledgeBase(), diagnosis.ruleBase().rules());
        ScenarioRunner runner = new ScenarioRunner(diagnosis);
        List<ScenarioResult> results = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        List<Path> files = ScenarioLoader.discover(roots);
        for (Path file : files) {
            String display = display(file);
            ScenarioFile sf;
            try {
                sf = loader.load(file, display);
            } catch (ScenarioException e) {
                if (filter == null || filter.matcher(display).find()) {
                    invalid.addAll(e.problems());
                }
                continue;
            }
            if (filter != null && !filter.matcher(sf.scenario().name()).find() && !filter.matcher(display).find()) {
                continue;
            }
            results.add(runner.run(sf));
        }
        return new Outcome(List.copyOf(results), List.copyOf(invalid), files.size());
    }

    private String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return (abs.startsWith(displayBase) ? displayBase.relativize(abs) : abs).toString().replace('\\', '/');
    }
}
