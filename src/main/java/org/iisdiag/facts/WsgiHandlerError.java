package org.iisdiag.facts;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An error wfastcgi reported instead of answering, read from its own log (the file the {@code WSGI_LOG} app
 * setting names), aggregated by (stage, exception, message). wfastcgi imports the application the
 * {@code WSGI_HANDLER} app setting names when its process starts; when that fails it sends
 * "Status: 500" with "Error occurred while reading WSGI handler:" and the Python traceback on FastCGI's stderr
 * and ends the process, so every request answers 500 and the IIS log only says {@code 500 0 0}.
 *
 * @param stage         what wfastcgi was doing ("Error occurred while reading WSGI handler")
 * @param exception     the exception that ended it, the last one of the traceback ("ModuleNotFoundError")
 * @param message       its message ("No module named 'django'"), at most 400 characters
 * @param handler       the WSGI_HANDLER value wfastcgi could not import ("portal.wsgi.application"), "" when not named
 * @param wfastcgiPath  the wfastcgi.py the traceback runs ("C:\Python312\Lib\site-packages\wfastcgi.py"): it belongs
 *                      to the interpreter the FastCGI application started, "" when not seen
 * @param firstSeen     the first time, as the log wrote it (the server's local time, taken as UTC), null without one
 */
public record WsgiHandlerError(String stage, String exception, String message, String handler, String wfastcgiPath,
                               long count, Instant firstSeen, Instant lastSeen, List<SampleLine> samples)
        implements TalliedEvidence {

    /** The module an import error says Python did not find ("django" of "No module named 'django.core'"), or "". */
    public String missingModule() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("No module named '([^'.]+)").matcher(message);
        return m.find() ? m.group(1) : "";
    }

    /** Whether the error is an import that failed: a module missing for this interpreter or not on its path. */
    public boolean importFailed() {
        return exception.equals("ModuleNotFoundError") || exception.equals("ImportError");
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "%,d x wfastcgi \"%s\": %s: %s (wfastcgi log%s)", count, stage, exception, message,
                seenSpan());
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
