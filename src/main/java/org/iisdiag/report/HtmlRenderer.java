package org.iisdiag.report;

import java.util.Map;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.TemplateModelException;

/**
 * A self-contained HTML report (inline CSS, no scripts, no external resources) that can be attached to
 * a ticket, opened anywhere and printed. Laid out by {@code templates/report.html.ftl} over a
 * {@link ReportView}; FreeMarker's HTML output format escapes every value, so nothing from the case can
 * become markup. The timeline chart is the one piece of markup made in Java ({@link TimelineSvg}).
 */
public final class HtmlRenderer implements ReportRenderer {
    private static final Templates TEMPLATES = new Templates(HTMLOutputFormat.INSTANCE, "report.html.ftl", Map.of());

    /** Parses the template ahead (see {@link ReportRenderer#prepare}). */
    @Override
    public void prepare() {
        TEMPLATES.prepare();
    }

    @Override
    public String render(DiagnosisReport report) {
        String svg = TimelineSvg.render(report.timeline(), HtmlRenderer::esc);
        try {
            return TEMPLATES.render(Map.of("r", ReportView.of(report), "chart", HTMLOutputFormat.INSTANCE.fromMarkup(svg)));
        } catch (TemplateModelException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Text for the chart's labels and tooltips: control characters made visible, then HTML-escaped. */
    static String esc(String s) {
        return HTMLOutputFormat.INSTANCE.escapePlainText(Format.display(s));
    }
}
