package org.iisdiag.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Catalog prose ("Run `appcmd list apppool` on {server}") cut into plain text and `code` spans, so each
 * template escapes each part for its own context instead of trusting the prose as markup. Values from
 * the case are already filled in: a backtick in one can only move where a span starts or ends, and
 * both kinds of span are escaped, so that changes the look, never what the output can do.
 */
public record Prose(List<Span> spans) {

    /** A run of prose: plain text or a code span (without its backticks). */
    public record Span(String text, boolean code) {
    }

    static Prose of(String s) {
        List<Span> spans = new ArrayList<>();
        int from = 0;
        boolean code = false;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == '`') {
                // an unclosed backtick is text: the span closes only on a second one
                if (i == s.length() && code) {
                    add(spans, "`" + s.substring(from), false);
                    break;
                }
                add(spans, s.substring(from, i), code);
                code = !code;
                from = i + 1;
            }
        }
        return new Prose(List.copyOf(spans));
    }

    private static void add(List<Span> spans, String text, boolean code) {
        if (text.isEmpty()) {
            return;
        }
        String shown = Format.display(text);
        int last = spans.size() - 1;
        if (!code && last >= 0 && !spans.get(last).code()) {
            spans.set(last, new Span(spans.get(last).text() + shown, false));
        } else {
            spans.add(new Span(shown, code));
        }
    }

    /** The prose as the text report shows it: code spans keep their backticks. */
    String plain() {
        StringBuilder b = new StringBuilder();
        spans.forEach(s -> b.append(s.code() ? "`" + s.text() + "`" : s.text()));
        return b.toString();
    }
}
