package org.iisdiag.evidence;

/** A line that could not be used, with where it is and why: reported, never silently dropped. */
public record LineProblem(String file, long line, String reason) {
    public String location() {
        return file + ":" + line;
    }
}
