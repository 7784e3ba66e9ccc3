package org.iisdiag.facts;

import java.util.List;

/**
 * The problem as the engineer or user described it (env.yaml {@code reported.description}), read for the
 * error messages it quotes ("Microsoft's login page says 'AADSTS50011: ...'"): a quoted message can name its
 * cause as an exception text does. Reported, not logged: what it names is probable at most.
 */
public record ReportedMessage(String text, String source) implements SingleObservation {
    private static final int SHOWN = 300;
    private static final java.util.regex.Pattern LINE_BREAK = java.util.regex.Pattern.compile("[ \\t]*\\R[ \\t]*");

    /**
     * The description with its line breaks (and the indentation around them) read as single spaces: a
     * message pasted from a client's log is wrapped anywhere, and the catalog's signatures read one line.
     */
    public static ReportedMessage of(String description, String source) {
        return new ReportedMessage(LINE_BREAK.matcher(description.strip()).replaceAll(" "), source);
    }

    @Override
    public String describe() {
        String shown = text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "...";
        return "as reported: \"" + shown.strip() + "\" (" + source + ")";
    }

    @Override
    public List<SampleLine> samples() {
        return List.of();
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
