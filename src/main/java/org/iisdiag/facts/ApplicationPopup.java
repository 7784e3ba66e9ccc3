package org.iisdiag.facts;

import java.util.List;
import java.util.Locale;

/**
 * "Application Popup" event 26 of the System log: a message box a process raised where nobody sees it (a
 * service, a worker, a FastCGI or CGI program), typically the Windows loader's "The code execution cannot
 * proceed because X.dll was not found" (STATUS_DLL_NOT_FOUND, 0xc0000135) or "The application was unable to
 * start correctly (0xc000007b)". Aggregated by (program, message). {@code program} is the executable the
 * caption names ("php-cgi.exe" of "php-cgi.exe - System Error"), "" when it names none; {@code missingDll} the
 * DLL a "was not found" message names, "" otherwise; {@code message} the text after the caption, at most
 * 300 characters.
 */
public record ApplicationPopup(String program, String caption, String message, String missingDll, long count,
                               EventTimes times, List<SampleLine> samples) implements LoggedEvent {

    @Override
    public String describe() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%,d x Application Popup 26: %s%s", count,
                caption.isEmpty() ? "" : caption + ": ", message));
        String t = times.describe();
        return t.isEmpty() ? b.toString() : b.append(", ").append(t).toString();
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
