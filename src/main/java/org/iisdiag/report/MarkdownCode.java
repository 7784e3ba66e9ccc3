package org.iisdiag.report;

import java.util.ArrayList;
import java.util.List;

import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateSequenceModel;
import freemarker.template.TemplateScalarModel;
import org.iisdiag.evidence.Sanitize;

/**
 * The Markdown template's ways to show a value as code, each a function returning Markdown that the
 * output format writes as it is: {@code code(s)} an inline code span, {@code cellCode(s)} one inside a
 * table cell ({@code |} escaped), {@code block(lines, indent, info)} a fenced block whose fence is longer than
 * any run of backticks in it. All three go through {@link Sanitize}, so no control character survives.
 */
final class MarkdownCode {
    private MarkdownCode() {
    }

    static final TemplateMethodModelEx CODE = args -> markup(Sanitize.forMarkdownInlineCode(string(args, 0)));

    static final TemplateMethodModelEx CELL_CODE = args -> markup(Sanitize.forMarkdownCode(string(args, 0)));

    static final TemplateMethodModelEx BLOCK = args -> {
        if (args.size() != 3 || !(args.get(0) instanceof TemplateSequenceModel seq)) {
            throw new TemplateModelException("block(lines, indent, info) takes a list of lines, an indent and an info string");
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < seq.size(); i++) {
            lines.add(Sanitize.forTerminal(((TemplateScalarModel) seq.get(i)).getAsString()));
        }
        if (!(args.get(1) instanceof TemplateNumberModel n)) {
            throw new TemplateModelException("block(lines, indent): the indent is a number of spaces");
        }
        String indent = " ".repeat(n.getAsNumber().intValue());
        String fence = Sanitize.backtickFence(String.join("\n", lines), 3);
        // the info string ("text") is the template's own constant, never a value from the case
        StringBuilder b = new StringBuilder(indent).append(fence).append(string(args, 2)).append('\n');
        lines.forEach(l -> b.append(indent).append(l).append('\n'));
        return markup(b.append(indent).append(fence).toString());
    };

    private static String string(List<?> args, int i) throws TemplateModelException {
        if (args.size() <= i || !(args.get(i) instanceof TemplateScalarModel s)) {
            throw new TemplateModelException("argument " + (i + 1) + " must be a string");
        }
        return s.getAsString();
    }

    private static MarkdownOutputFormat.Markup markup(String md) throws TemplateModelException {
        return MarkdownOutputFormat.INSTANCE.fromMarkup(md);
    }
}
