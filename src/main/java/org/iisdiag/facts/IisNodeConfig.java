package org.iisdiag.facts;

import java.util.List;

/**
 * {@code system.webServer/iisnode}: how the iisnode module starts Node.js for an application.
 *
 * @param nodeProcessCommandLine the node.exe iisnode runs (default {@code "%programfiles%\nodejs\node.exe"})
 * @param loggingEnabled         whether iisnode writes node.exe's stdout/stderr to files (default true)
 * @param logDirectory           the folder of those files, relative to the application (default "iisnode")
 * @param devErrorsEnabled       whether iisnode answers its own errors with a page that names them (default true)
 */
public record IisNodeConfig(String nodeProcessCommandLine, boolean loggingEnabled, String logDirectory,
                            boolean devErrorsEnabled, String configFile, String locationPath, List<String> defaults,
                            String source) implements ConfigFact {

    public static final String DEFAULT_COMMAND_LINE = "\"%programfiles%\\nodejs\\node.exe\"";

    /** The path of node.exe in the command line, without quotes (the first token; quoted paths keep their spaces). */
    public String nodeExe() {
        String c = nodeProcessCommandLine.strip();
        if (c.startsWith("\"")) {
            int end = c.indexOf('"', 1);
            return end < 0 ? c.substring(1) : c.substring(1, end);
        }
        int space = c.indexOf(' ');
        return space < 0 ? c : c.substring(0, space);
    }

    @Override
    public String describe() {
        return "iisnode nodeProcessCommandLine=" + nodeProcessCommandLine + " loggingEnabled=" + loggingEnabled
                + " logDirectory=" + logDirectory + " devErrorsEnabled=" + devErrorsEnabled
                + ConfigFact.location(locationPath) + ConfigFact.where(defaults, source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
