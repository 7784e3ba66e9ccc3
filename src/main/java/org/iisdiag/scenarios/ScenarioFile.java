package org.iisdiag.scenarios;

import java.nio.file.Path;

/** A scenario with the file it came from (for messages and for resolving relative case folders). */
public record ScenarioFile(Path file, String displayName, Scenario scenario) {
}
