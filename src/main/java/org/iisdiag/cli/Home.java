package org.iisdiag.cli;

import java.nio.file.Path;

/**
 * Where the default rules/ and knowledge-base/ live: the {@code iisdiag.home} system property (set by
 * the launcher), else the IISDIAG_HOME environment variable, else the current folder.
 */
final class Home {
    private Home() {
    }

    static Path dir() {
        String prop = System.getProperty("iisdiag.home");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String env = System.getenv("IISDIAG_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of("").toAbsolutePath();
    }

    static Path rules() {
        return dir().resolve("rules");
    }

    static Path knowledgeBase() {
        return dir().resolve("knowledge-base");
    }
}
