package org.iisdiag.engine;

/** A rule of the pack with its metadata: the stable id, the article section, and where it is defined. */
public record RuleInfo(String id, String name, String section, String file, int line) {
    public String location() {
        return file + ":" + line;
    }
}
