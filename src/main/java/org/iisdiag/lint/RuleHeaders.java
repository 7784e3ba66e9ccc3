package org.iisdiag.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads rule declarations and their {@code @id}/{@code @section} annotations straight from DRL text,
 * so lint can check metadata even when the pack does not compile.
 */
final class RuleHeaders {
    record Header(String file, String name, int line, String id, String section) {
    }

    private static final Pattern WHEN = Pattern.compile("(?m)^\\s*when\\b");
    private static final Pattern ID = Pattern.compile("@id\\s*\\(\\s*\"([^\"]*)\"\\s*\\)");
    private static final Pattern SECTION = Pattern.compile("@section\\s*\\(\\s*\"([^\"]*)\"\\s*\\)");

    private RuleHeaders() {
    }

    static List<Header> scan(String file, String text) {
        List<Header> out = new ArrayList<>();
        Matcher rule = org.iisdiag.engine.RuleFiles.RULE_DECL.matcher(text);
        while (rule.find()) {
            Matcher when = WHEN.matcher(text);
            int end = when.find(rule.end()) ? when.start() : text.length();
            String head = text.substring(rule.end(), end);
            Matcher id = ID.matcher(head);
            Matcher section = SECTION.matcher(head);
            int line = 1 + (int) text.substring(0, rule.start(1)).chars().filter(c -> c == '\n').count();
            out.add(new Header(file, org.iisdiag.engine.RuleFiles.ruleName(rule), line,
                    id.find() ? id.group(1) : null, section.find() ? section.group(1) : null));
        }
        return out;
    }
}
