package org.iisdiag.facts;

import java.util.List;

/**
 * The problem as the engineer or user described it (env.yaml {@code reported.description}), read for the
 * error messages it quotes ("Microsoft's login page says 'AADSTS50011: ...'"): a quoted message can name its
 * cause as an exception text does. Reported, not logged: what it names is probable at most.
 */
public record ReportedMessage(String text, String source) implements SingleObservation {
    private static final int SHOWN = 300;

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
