package org.iisdiag.report;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iisdiag.facts.SampleLine;
import org.iisdiag.report.DiagnosisReport.EvidenceItem;
import org.iisdiag.report.DiagnosisReport.RankedAction;

/**
 * A self-contained HTML report (inline CSS, no scripts, no external resources) that can be attached to
 * a ticket and opened anywhere. Everything from the case is escaped.
 */
public final class HtmlRenderer implements ReportRenderer {
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");
    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1f24;background:#f6f7f9}
            main{max-width:1100px;margin:0 auto;padding:24px}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 10px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
            .tool{color:#57606a;margin-bottom:16px}
            .card{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:12px 16px;margin:10px 0}
            .badge{display:inline-block;border-radius:10px;padding:1px 8px;font-size:12px;font-weight:600;margin-right:6px;color:#fff}
            .P1,.critical{background:#b42318}.P2,.high{background:#c4320a}.P3,.medium{background:#b54708}.P4,.low{background:#667085}.info{background:#2e90fa}
            .meta{color:#57606a;font-size:12px}
            .caution{background:#fff4e5;border-left:4px solid #f79009;padding:6px 10px;margin:8px 0}
            code,pre{font:12px/1.4 ui-monospace,SFMono-Regular,Consolas,monospace;background:#f0f2f4;border-radius:4px}
            code{padding:1px 4px}pre{padding:8px;overflow-x:auto;white-space:pre-wrap;word-break:break-all}
            table{border-collapse:collapse;width:100%;background:#fff}td,th{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
            details summary{cursor:pointer;font-weight:600;margin:6px 0}
            ul.samples{list-style:none;padding-left:12px}ul.samples li{font:12px ui-monospace,monospace;color:#424a53;word-break:break-all}
            svg.timeline{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:8px 0;font:11px system-ui,sans-serif}
            svg.timeline .label{font-weight:600;fill:#1b1f24}svg.timeline .total,svg.timeline .tick{fill:#57606a}
            svg.timeline .base{stroke:#d0d7de}svg.timeline .change{stroke:#1d4ed8;stroke-dasharray:4 3;stroke-width:1.5}
            svg.timeline .e5{fill:#b42318}svg.timeline .e4{fill:#dc6803}svg.timeline .hs{fill:#7a2e9e}svg.timeline .ev{fill:#1570ef}
            @media print{body{background:#fff}main{max-width:none;padding:0}
            details::details-content{content-visibility:visible;display:block;block-size:auto}
            details summary{list-style:none}.card{break-inside:avoid}pre{white-space:pre-wrap}}
            """;

    private final StringBuilder out = new StringBuilder();

    @Override
    public String render(DiagnosisReport r) {
        out.setLength(0);
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>iisdiag: ").append(esc(r.summary().caseFolder())).append("</title><style>").append(CSS)
                .append("</style></head><body><main>\n");
        out.append("<h1>Diagnosis of ").append(esc(r.summary().caseFolder())).append("</h1><div class=\"tool\">")
                .append(esc(r.tool())).append("</div>\n");
        if (!Format.detailNote(r).isEmpty()) {
            out.append("<p class=\"meta\">").append(esc(Format.detailNote(r))).append("</p>\n");
        }
        verdict(r.verdict(), r.summary());
        String chart = TimelineSvg.render(r.timeline(), HtmlRenderer::esc);
        if (!chart.isEmpty()) {
            out.append("<h2>Timeline</h2>\n").append(chart);
        }
        actions(r.actions());
        diagnoses(r);
        questions(r);
        if (!r.notRecommended().isEmpty()) {
            out.append("<h2>Not recommended (").append(r.notRecommended().size()).append(")</h2><ul>");
            r.notRecommended().forEach(n -> out.append("<li><code>").append(esc(n.action())).append("</code> for <code>")
                    .append(esc(n.diagnosis())).append("</code>: ").append(esc(n.why())).append("</li>"));
            out.append("</ul>\n");
        }
        summary(r.summary());
        inputs(r);
        if (!r.benign().isEmpty()) {
            out.append("<h2>Recognised as normal (").append(r.benign().size()).append(", not escalated)</h2><ul>");
            r.benign().forEach(b -> out.append("<li>").append(esc(b.summary())).append(": ").append(esc(b.reason()))
                    .append(" <span class=\"meta\">").append(esc(b.rule())).append("</span></li>"));
            out.append("</ul>\n");
        }
        out.append("</main></body></html>\n");
        return out.toString();
    }

    private void verdict(DiagnosisReport.Verdict v, DiagnosisReport.Summary s) {
        out.append("<h2>Verdict: <span class=\"badge ").append(esc(v.severity())).append("\">").append(esc(v.severity()))
                .append("</span></h2><div class=\"card\">");
        if (!Format.serverErrors(s).isEmpty()) {
            out.append("<p class=\"headline\">").append(esc(Format.serverErrors(s) + "; " + Format.busiestMinute(s)))
                    .append("</p>");
        }
        if (v.happened().isEmpty() && v.alsoSeen().isEmpty()) {
            out.append("<p>No problem found in the evidence: nothing to do.</p>");
        } else if (!v.happened().isEmpty()) {
            out.append("<ul>");
            v.happened().forEach(h -> li(Format.verdictLine(h)));
            out.append("</ul>");
        }
        if (!v.alsoSeen().isEmpty()) {
            out.append("<p><strong>Also seen, a handful of entries each:</strong></p><ul>");
            v.alsoSeen().forEach(h -> li(Format.alsoSeen(h)));
            out.append("</ul>");
        }
        if (!v.doNow().isEmpty()) {
            out.append("<p><strong>Do now:</strong></p><ul>");
            v.doNow().forEach(a -> li(Format.verdictAction(a)));
            out.append("</ul>");
        }
        if (!v.missing().isEmpty()) {
            out.append("<p><strong>Missing from the case:</strong></p><ul>");
            v.missing().forEach(this::li);
            out.append("</ul>");
        }
        out.append("</div>\n");
    }

    private void summary(DiagnosisReport.Summary s) {
        out.append("<h2>Case summary</h2><div class=\"card\"><ul>");
        if (!s.reported().isEmpty()) {
            li("Reported: " + s.reported());
        }
        s.changes().forEach(c -> li("Change: " + c));
        if (!s.errorStatuses().isEmpty()) {
            li("Errors: " + String.join(", ", s.errorStatuses().stream()
                    .map(t -> t.code() + " (" + t.log() + ") x" + Format.n(t.count()) + (t.benign() ? " normal" : "")).toList()));
        }
        li("Files: " + s.filesRead() + " read, " + s.filesNotUsed() + " not used, " + s.filesFailed() + " failed; "
                + Format.n(s.linesRead()) + " lines, " + Format.n(s.linesRejected()) + " rejected");
        if (!s.firstSeen().isEmpty()) {
            li("IIS log: " + s.firstSeen() + " to " + s.lastSeen() + "; " + Format.n(s.requests()) + " requests, "
                    + Format.n(s.clientErrors()) + " 4xx, " + Format.n(s.serverErrors()) + " 5xx");
        }
        li("HTTPERR: " + Format.n(s.httpErrEntries()) + " entries");
        li(Format.server(s.environment()));
        s.environment().sites().forEach(site -> li("Site " + site.logLabel() + ": " + site.name()
                + (site.appPool().isEmpty() ? "" : ", app pool " + site.appPool())));
        out.append("</ul></div>\n");
    }

    private void actions(List<RankedAction> actions) {
        out.append("<h2>Actions (").append(actions.size()).append(", in order)</h2>\n");
        for (RankedAction a : actions) {
            out.append("<div class=\"card\"><div><span class=\"badge ").append(a.priority()).append("\">").append(a.priority())
                    .append("</span><strong>").append(a.rank()).append(". ").append(esc(a.title())).append("</strong></div>")
                    .append("<div class=\"meta\">").append(esc(a.id())).append(" · ").append(esc(a.role())).append(" for ")
                    .append(esc(String.join(", ", a.serves()))).append(" · ").append(esc(a.target().text())).append(" · ")
                    .append(a.kind()).append(" · cost ").append(a.cost()).append(" · risk ").append(a.risk())
                    .append(a.changesServerState() ? " · changes the server" : "").append("</div>");
            out.append("<p>").append(prose(a.why())).append("</p>");
            a.caveats().forEach(c -> out.append("<div class=\"caution\"><strong>Caution:</strong> ").append(esc(c)).append("</div>"));
            if (!a.requires().isEmpty()) {
                out.append("<div class=\"meta\">Requires first: ").append(esc(String.join(", ", a.requires()))).append("</div>");
            }
            if (a.brief()) {
                out.append("<p class=\"meta\">").append(esc(Format.BRIEF)).append("</p>");
            }
            list("Steps", a.steps(), true, true);
            list("Verify", a.verify(), false, false);
            list("Risks", a.risks(), false, false);
            list("Revert", a.revert(), true, false);
            if (!a.evidence().isEmpty()) {
                out.append("<details><summary>Evidence (").append(a.evidenceTotal()).append(")</summary>");
                evidence(a.evidence());
                out.append("</details>");
            }
            out.append("<div class=\"meta\">Rules: ").append(esc(String.join(", ", a.rules()))).append("<br>Order: ")
                    .append(esc(Format.rationale(a.rationale()))).append("</div></div>\n");
        }
    }

    private void diagnoses(DiagnosisReport r) {
        out.append("<h2>Diagnoses (").append(r.diagnoses().size()).append(")</h2>\n");
        for (var d : r.diagnoses()) {
            out.append("<div class=\"card\"><div><span class=\"badge ").append(esc(d.severity())).append("\">")
                    .append(esc(d.severity())).append("</span><strong>").append(esc(d.title())).append("</strong> <span class=\"meta\">")
                    .append(esc(d.certainty())).append(" · ").append(esc(d.id())).append(" · ").append(esc(d.target().text()))
                    .append(d.firstSeen().isEmpty() ? "" : " · " + esc(Format.window(d.firstSeen(), d.lastSeen())))
                    .append("</span></div><p>").append(esc(d.explanation())).append("</p>");
            out.append("<details><summary>Evidence (").append(d.evidenceTotal()).append(")</summary>");
            evidence(d.evidence());
            out.append("</details><ul>");
            d.known().forEach(k -> li("Known: " + k));
            d.plan().forEach(p -> li("Plan, " + p.role() + ": " + p.action() + (p.rank() > 0 ? " (action " + p.rank() + ")"
                    : " (" + p.note() + ")")));
            out.append("</ul><div class=\"meta\">Rules: ").append(esc(String.join(", ", d.rules()))).append("</div></div>\n");
        }
    }

    private void questions(DiagnosisReport r) {
        out.append("<h2>Open questions (").append(r.questions().size()).append(")</h2><ul>");
        for (var q : r.questions()) {
            out.append("<li><strong>").append(esc(q.text())).append("</strong> ").append(esc(q.why()));
            if (!q.answeredBy().isEmpty()) {
                out.append(" <span class=\"meta\">Answered by ").append(esc(q.answeredBy())).append("</span>");
            }
            out.append("</li>");
        }
        out.append("</ul>\n");
    }

    private void inputs(DiagnosisReport r) {
        out.append("<h2>Inputs (").append(r.inputs().size()).append(")</h2><table><tr><th>file</th><th>what was read</th></tr>");
        for (var f : r.inputs()) {
            out.append("<tr><td><code>").append(esc(f.name())).append("</code></td><td>").append(esc(Format.inputState(f)));
            f.notes().forEach(n -> out.append("<br><span class=\"meta\">note: ").append(esc(n)).append("</span>"));
            f.problems().forEach(p -> out.append("<br><span class=\"meta\">").append(esc(p.location())).append(": ")
                    .append(esc(p.reason())).append("</span>"));
            out.append("</td></tr>");
        }
        out.append("</table>\n");
    }

    private void list(String title, List<String> items, boolean numbered, boolean open) {
        if (items.isEmpty()) {
            return;
        }
        out.append("<details").append(open ? " open" : "").append("><summary>").append(title).append("</summary>")
                .append(numbered ? "<ol>" : "<ul>");
        for (String item : items) {
            int nl = item.indexOf('\n');
            out.append("<li>");
            if (nl < 0) {
                out.append(prose(item));
            } else {
                // a multi-line step is a command block: first line is prose, the rest verbatim
                out.append(prose(item.substring(0, nl))).append("<pre>").append(esc(item.substring(nl + 1))).append("</pre>");
            }
            out.append("</li>");
        }
        out.append(numbered ? "</ol>" : "</ul>").append("</details>");
    }

    private void evidence(List<EvidenceItem> items) {
        out.append("<ul>");
        for (EvidenceItem e : items) {
            out.append("<li>").append(esc(e.summary())).append("<ul class=\"samples\">");
            for (SampleLine s : e.samples()) {
                out.append("<li>").append(esc(s.location())).append("  ").append(esc(s.text())).append("</li>");
            }
            out.append("</ul></li>");
        }
        out.append("</ul>");
    }

    private void li(String text) {
        out.append("<li>").append(esc(text)).append("</li>");
    }

    /** Catalog prose: escaped, with its `code` spans shown as code. */
    static String prose(String s) {
        Matcher m = CODE_SPAN.matcher(esc(s));
        return m.replaceAll(x -> "<code>" + Matcher.quoteReplacement(x.group(1)) + "</code>");
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
