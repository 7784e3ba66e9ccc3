package org.iisdiag.report;

import java.io.IOException;
import java.io.Writer;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import org.iisdiag.evidence.Sanitize;

/**
 * FreeMarker's output format for the Markdown report: every {@code ${...}} of a string is escaped by
 * {@link Sanitize#forMarkdownCell} (terminal-safe, Markdown specials backslashed, {@code < > &} as
 * entities, {@code |} so a value cannot end a table cell). Code spans and fenced blocks are made by
 * {@link MarkdownCode}, which returns values of this format that are written as they are.
 */
final class MarkdownOutputFormat extends CommonMarkupOutputFormat<MarkdownOutputFormat.Markup> {
    static final MarkdownOutputFormat INSTANCE = new MarkdownOutputFormat();

    private MarkdownOutputFormat() {
    }

    /** A piece of Markdown that is already escaped (or made by {@link MarkdownCode}). */
    static final class Markup extends CommonTemplateMarkupOutputModel<Markup> {
        Markup(String plainText, String markup) {
            super(plainText, markup);
        }

        @Override
        public MarkdownOutputFormat getOutputFormat() {
            return INSTANCE;
        }
    }

    @Override
    public String getName() {
        return "Markdown";
    }

    @Override
    public String getMimeType() {
        return "text/markdown";
    }

    @Override
    public void output(String text, Writer out) throws IOException {
        out.write(escapePlainText(text));
    }

    @Override
    public String escapePlainText(String text) {
        return Sanitize.forMarkdownCell(text);
    }

    @Override
    public boolean isLegacyBuiltInBypassed(String builtInName) {
        return false;
    }

    @Override
    protected Markup newTemplateMarkupOutputModel(String plainText, String markup) {
        return new Markup(plainText, markup);
    }
}
