package org.iisdiag.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import org.iisdiag.report.HtmlRenderer;
import org.iisdiag.report.JsonRenderer;
import org.iisdiag.report.MarkdownRenderer;
import org.iisdiag.report.ReportRenderer;
import org.iisdiag.report.SarifRenderer;
import org.iisdiag.report.TextRenderer;

/**
 * The report formats: the --format name, the renderer, and the --out file extensions that imply the
 * format when --format is not given. A new format is one line here.
 */
public enum ReportFormat {
    text(TextRenderer::new, "txt", "text"),
    json(JsonRenderer::new, "json"),
    md(MarkdownRenderer::new, "md", "markdown"),
    html(HtmlRenderer::new, "html", "htm"),
    sarif(SarifRenderer::new, "sarif");

    private final Supplier<ReportRenderer> renderer;
    private final List<String> extensions;

    ReportFormat(Supplier<ReportRenderer> renderer, String... extensions) {
        this.renderer = renderer;
        this.extensions = List.of(extensions);
    }

    public ReportRenderer renderer() {
        return renderer.get();
    }

    /** The format a file's extension names ("report.html" is html), if any. */
    public static Optional<ReportFormat> forFile(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String ext = name.substring(dot + 1);
        for (ReportFormat f : values()) {
            if (f.extensions.contains(ext)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
