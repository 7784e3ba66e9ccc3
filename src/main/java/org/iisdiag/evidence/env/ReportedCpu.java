package org.iisdiag.evidence.env;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iisdiag.facts.CpuUsage;

/**
 * The CPU figure of the problem as the engineer wrote it in env.yaml's {@code reported.description}: a
 * percentage right next to the word CPU (or processor), either way round: "w3wp.exe at 97-99% CPU", "100 %
 * CPU", "cpu during incident: 12%", "total CPU pinned at 100%". Between the word and the figure only a few
 * words of the same clause (no digits, no other percentage, no sentence end), and a percentage of something
 * else ("CPU is fine and 99% of requests fail") is not one. The highest figure mentioned wins; figures above
 * 100 (a process counter summed over cores) are not a share of the machine and are left out.
 */
final class ReportedCpu {
    static final String SOURCE = "env.yaml reported.description";

    private ReportedCpu() {
    }

    private static final String FIGURE = "(?<![\\d.,])(\\d{1,3}(?:[.,]\\d{1,2})?)(?:\\s{0,2}(?:-|\u2013|to)\\s{0,2}(\\d{1,3}(?:[.,]\\d{1,2})?))?\\s{0,2}(?:%|percent\\b)";
    private static final String NOT_OF_OTHER = "(?!\\s{0,3}of\\s{1,3}(?:the\\s{1,3})?(?:requests|calls|users|traffic|time|errors|memory|disk))";
    private static final Pattern FIGURE_THEN_CPU = Pattern.compile(FIGURE
            + "\\s{0,3}(?:of\\s{1,3})?(?:the\\s{1,3})?(?:total\\s{1,3})?(?:CPU|processor)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CPU_THEN_FIGURE = Pattern.compile("\\b(?:CPU|processor)s?\\b[^.;!?\\n%\\d]{0,40}?" + FIGURE
            + NOT_OF_OTHER, Pattern.CASE_INSENSITIVE);

    /** The highest CPU figure the description gives, if it gives one. */
    static Optional<CpuUsage> in(String description) {
        if (description == null || description.isBlank()) {
            return Optional.empty();
        }
        CpuUsage best = null;
        for (Pattern p : new Pattern[] {FIGURE_THEN_CPU, CPU_THEN_FIGURE}) {
            Matcher m = p.matcher(description);
            while (m.find()) {
                double low = number(m.group(1));
                double high = m.group(2) == null ? low : Math.max(low, number(m.group(2)));
                if (high > 100 || (best != null && Math.round(high) <= best.percent())) {
                    continue;
                }
                String shown = m.group(2) == null ? m.group(1) + "%" : m.group(1) + "-" + m.group(2) + "%";
                best = new CpuUsage((int) Math.round(high), shown, clause(description, m.start(), m.end()), SOURCE);
            }
        }
        return Optional.ofNullable(best);
    }

    private static double number(String s) {
        return Double.parseDouble(s.replace(',', '.'));
    }

    /** The words around the figure: its clause (up to a sentence end, ';' or '('), at most 80 characters either side. */
    static String clause(String text, int start, int end) {
        int from = clauseStart(text, start);
        int to = end;
        while (to < text.length() && to - end < 80 && !boundary(text, to) && text.charAt(to) != '(') {
            to++;
        }
        return text.substring(from, to).strip().replaceAll("\\s+", " ");
    }

    /** Where the clause around {@code start} begins: after the previous clause's end, at most 80 characters back. */
    static int clauseStart(String text, int start) {
        int from = start;
        while (from > 0 && start - from < 80 && !boundary(text, from - 1)) {
            from--;
        }
        return from;
    }

    /** A clause ends at ';', '!', '?', a line break, or a '.' that ends a sentence (not the one of "w3wp.exe" or "2.5"). */
    private static boolean boundary(String text, int i) {
        char c = text.charAt(i);
        return ";!?\n".indexOf(c) >= 0 || (c == '.' && (i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1))));
    }
}
