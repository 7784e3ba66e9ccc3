package org.iisdiag.report;

import java.util.Map;

/**
 * The report as Markdown, for tickets and wikis: verdict first, then actions, diagnoses and the rest.
 * Laid out by {@code templates/report.md.ftl} over a {@link ReportView}; every value is escaped by
 * {@link MarkdownOutputFormat} and code is made by {@link MarkdownCode}.
 */
public final class MarkdownRenderer implements ReportRenderer {
    private static final Templates TEMPLATES = new Templates(MarkdownOutputFormat.INSTANCE, "report.md.ftl",
            Map.of("code", MarkdownCode.CODE, "cellCode", MarkdownCode.CELL_CODE, "block", MarkdownCode.BLOCK));

    /** Parses the template ahead (see {@link ReportRenderer#prepare}). */
    @Override
    public void prepare() {
        TEMPLATES.prepare();
    }

    @Override
    public String render(DiagnosisReport report) {
        return TEMPLATES.render(Map.of("r", ReportView.of(report)));
    }
}
