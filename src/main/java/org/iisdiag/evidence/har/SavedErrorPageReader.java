package org.iisdiag.evidence.har;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iisdiag.evidence.CountingInputStream;
import org.iisdiag.evidence.EvidenceReader;
import org.iisdiag.evidence.FactRedaction;
import org.iisdiag.evidence.ReadReport;
import org.iisdiag.evidence.Redactor;
import org.iisdiag.evidence.eventlog.TextDecoding;
import org.iisdiag.facts.ErrorPage;
import org.iisdiag.facts.SampleLine;

/**
 * Reads an error page an engineer saved from the browser (File > Save as, .htm): IIS's detailed error,
 * an ASP.NET Core Module page or ASP.NET's error page, with the same parser as a HAR response body. A
 * saved page has no time and no HTTP status line: the status is the one its headline names. Only the
 * first {@link HarReader#MAX_PAGE_CHARS} characters are read.
 */
public final class SavedErrorPageReader implements EvidenceReader {
    private static final Pattern STATUS = Pattern.compile("^(\\d{3})");
    private static final Pattern HEADLINE = Pattern.compile("(?i)HTTP Error \\d{3}|Server Error in '");

    private final Redactor redactor;
    private final List<ErrorPage> pages = new ArrayList<>();

    public SavedErrorPageReader() {
        this(Redactor.DEFAULT);
    }

    public SavedErrorPageReader(Redactor redactor) {
        this.redactor = redactor;
    }

    @Override
    public void read(String displayName, String siteHint, InputStream in, ReadReport report) throws IOException {
        CountingInputStream counting = new CountingInputStream(in);
        String html;
        try (Reader r = TextDecoding.reader(counting)) {
            char[] buf = new char[HarReader.MAX_PAGE_CHARS];
            int n = 0;
            int k;
            while (n < buf.length && (k = r.read(buf, n, buf.length - n)) > 0) {
                n += k;
            }
            html = new String(buf, 0, n);
        }
        report.addBytes(counting.count());
        report.addLines(html.lines().count());
        ErrorPage page = page(html, displayName, "saved page: ", redactor);
        if (page == null) {
            throw new IOException("an HTML page that names no error IIS, ANCM or ASP.NET would show");
        }
        report.addEntries(1);
        pages.add(page);
    }

    /**
     * The error a page names, from its HTML or its pasted text, as a fact whose one sample is the page's
     * headline line in {@code file} (its summary prefixed with {@code label}); null when it names none.
     */
    public static ErrorPage page(String html, String file, String label, Redactor redactor) {
        ErrorPageParser.Parsed p = ErrorPageParser.parse(html);
        if (p == null) {
            return null;
        }
        Matcher status = STATUS.matcher(p.code());
        int code = status.find() ? Integer.parseInt(status.group(1)) : ("aspnet".equals(p.kind()) ? 500 : 0);
        Matcher headline = HEADLINE.matcher(html);
        long line = headline.find() ? html.substring(0, headline.start()).chars().filter(c -> c == '\n').count() + 1 : 1;
        String configFile = HarReader.shorten(p.configFile(), HarReader.MAX_URL_CHARS);
        String describe = ErrorPageParser.summary(p.code(), p.field("Module"), p.field("Error Code"), configFile,
                redactor.redact(p.exception()));
        return new ErrorPage(p.kind(), p.code(), code, p.heading(), p.field("Module"), p.field("Notification"),
                p.field("Handler"), p.field("Error Code"), redactor.redact(p.field("Config Error")),
                configFile, p.configLine(), p.configProblem(), HarReader.shorten(p.field("Physical Path"), HarReader.MAX_URL_CHARS),
                HarReader.url(p.field("Requested URL"), redactor), HarReader.shorten(p.field("Logon Method"), 40),
                redactor.redact(p.exception()), 1, null, null,
                List.of(new SampleLine(file, line, HarReader.shorten(label + describe, 400))));
    }

    @Override
    public List<Object> facts() {
        List<ErrorPage> out = new ArrayList<>(pages);
        out.sort(Comparator.comparing(ErrorPage::code).thenComparing(ErrorPage::errorCode)
                .thenComparing(p -> p.samples().get(0).file()));
        return FactRedaction.redact(new ArrayList<>(out));
    }
}
