package org.iisdiag.facts;

import java.util.List;

/**
 * A configuration file of the case (web.config, applicationHost.config) that is not well-formed XML, so
 * that IIS cannot parse it either: the line the parser stopped at and what it found there. Nothing of the
 * file's values is kept (they may hold secrets); the file itself is listed as failed under INPUTS.
 *
 * @param configFile the file, relative to the case folder
 * @param line       the line the parser stopped at
 * @param problem    what is wrong, from the parser's message
 * @param source     "file:line"
 */
public record ConfigNotWellFormed(String configFile, long line, XmlProblem problem, String source) implements ConfigFact {
    @Override
    public List<String> defaults() {
        return List.of();
    }

    @Override
    public String describe() {
        return configFile + " is not well-formed XML at line " + line + ": " + problem.text() + " (" + source + ")";
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
