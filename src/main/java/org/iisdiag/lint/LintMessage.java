package org.iisdiag.lint;

import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One lint result: {@code file:line:col: level: message}, the format editors and CI annotate from. */
public record LintMessage(String file, int line, int column, Level level, String message) {

    public enum Level { ERROR, WARNING }

    static final Comparator<LintMessage> ORDER = Comparator.comparing(LintMessage::file)
            .thenComparingInt(LintMessage::line).thenComparingInt(LintMessage::column)
            .thenComparing(LintMessage::message);

    private static final Pattern LOCATED = Pattern.compile("^([^:]+):(\\d+)(?::(\\d+))?: (.*)$", Pattern.DOTALL);

    /** Parses a "file:line[:col]: message" problem as the loaders report them. */
    static LintMessage parse(String problem, Level level) {
        Matcher m = LOCATED.matcher(problem);
        if (!m.matches()) {
            return new LintMessage(problem.contains(":") ? problem.substring(0, problem.indexOf(':')) : "", 0, 0,
                    level, problem);
        }
        return new LintMessage(m.group(1), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 1 : Integer.parseInt(m.group(3)), level, m.group(4));
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + level.name().toLowerCase(Locale.ROOT) + ": " + message;
    }
}
