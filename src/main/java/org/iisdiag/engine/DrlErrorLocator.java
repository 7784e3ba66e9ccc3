package org.iisdiag.engine;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Points a Drools compile error at the right line and column. Drools reports errors inside a
 * {@code then} block at the rule's first line and never gives a column; the offending identifier is
 * usually named in the message, so it is looked up in the rule's text.
 */
final class DrlErrorLocator {
    /** A 1-based position in a DRL file. */
    record Position(int line, int column) {
    }

    private static final Pattern PARSER_POSITION = Pattern.compile("\\bLine (\\d+):(\\d+)");
    private static final List<Pattern> TOKENS = List.of(
            Pattern.compile("\\b([A-Za-z_$][\\w$]*) cannot be resolved"),
            Pattern.compile("The method ([A-Za-z_$][\\w$]*)\\("),
            Pattern.compile("strict-mode: [\\w.$]+\\.([A-Za-z_$][\\w$]*)\\(\\)"),
            Pattern.compile("Unable to resolve ObjectType '([\\w.$]+)'"),
            Pattern.compile("The import [\\w.]*\\.([\\w$]+) cannot be resolved"),
            Pattern.compile("Error importing : '[\\w.]*\\.([\\w$]+)'"),
            Pattern.compile("Unable to Analyse Expression ([A-Za-z_$][\\w$]*)"),
            Pattern.compile("\\b([A-Za-z_$][\\w$]*) cannot be resolved to a (?:variable|type)"));

    private DrlErrorLocator() {
    }

    static Position locate(String source, int reportedLine, String message) {
        String[] lines = source.split("\n", -1);
        Matcher parser = PARSER_POSITION.matcher(message);
        if (parser.find()) {
            return new Position(Integer.parseInt(parser.group(1)), Integer.parseInt(parser.group(2)) + 1);
        }
        int from = Math.max(1, reportedLine);
        if (from > lines.length) {
            return new Position(reportedLine, 1);
        }
        String token = token(message);
        if (token != null) {
            // A consequence error is reported at the rule's first line: look from there to its "end".
            boolean inConsequence = message.contains("Rule Compilation error");
            Pattern word = Pattern.compile("(?<![\\w$])" + Pattern.quote(token) + "(?![\\w$])");
            boolean afterThen = !inConsequence;
            for (int i = from - 1; i < lines.length; i++) {
                String text = lines[i];
                if (i > from - 1 && text.strip().startsWith("rule ")) {
                    break; // next rule
                }
                if (inConsequence && text.strip().equals("then")) {
                    afterThen = true;
                    continue;
                }
                Matcher m = word.matcher(stripComment(text));
                if (afterThen && m.find()) {
                    return new Position(i + 1, m.start() + 1);
                }
                if (text.strip().equals("end")) {
                    break;
                }
            }
        }
        return new Position(from, firstNonBlank(lines[from - 1]));
    }

    private static final Pattern STRICT_MODE = Pattern.compile(
            "Unable to Analyse Expression (.+?): \\[Error: unable to resolve method using strict-mode: ([\\w.$]+)\\.([\\w$]+)\\(\\)\\].*",
            Pattern.DOTALL);

    /** Drools' message, made readable: no "Rule Compilation error" prefix, no MVEL dump for a bad property. */
    static String clean(String message) {
        String m = message.startsWith("Rule Compilation error ") ? message.substring("Rule Compilation error ".length()) : message;
        Matcher strict = STRICT_MODE.matcher(m);
        if (strict.matches()) {
            String type = strict.group(2).substring(strict.group(2).lastIndexOf('.') + 1);
            return type + " has no property '" + strict.group(3) + "' (in '" + strict.group(1).strip() + "')";
        }
        return m;
    }

    private static String token(String message) {
        for (Pattern p : TOKENS) {
            Matcher m = p.matcher(message);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    private static String stripComment(String line) {
        int c = line.indexOf("//");
        return c < 0 ? line : line.substring(0, c) + " ".repeat(line.length() - c);
    }

    static int firstNonBlank(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (!Character.isWhitespace(line.charAt(i))) {
                return i + 1;
            }
        }
        return 1;
    }
}
