package org.iisdiag.evidence;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets before a log line or URL leaves a reader as evidence: values of sensitive query
 * parameters ({@code password=...&token=...}) become {@code ***}, and a whole cookie field is masked.
 * Used on kept sample lines and top URIs only, never on the per-line hot path.
 */
public final class Redactor {
    /** Parameter names whose values are masked (compared case-insensitively). */
    public static final List<String> SENSITIVE_PARAMS = List.of(
            "password", "pwd", "passwd", "token", "access_token", "id_token", "refresh_token", "apikey",
            "api_key", "key", "secret", "client_secret", "sig", "signature", "code", "session", "sessionid",
            "auth", "authorization");
    public static final String MASK = "***";
    public static final Redactor DEFAULT = new Redactor(SENSITIVE_PARAMS);

    private final Pattern param;

    public Redactor(List<String> names) {
        String alternatives = String.join("|", names.stream().map(n -> Pattern.quote(n.toLowerCase(Locale.ROOT))).toList());
        // a parameter starts the text or follows ? & ; a space or + (W3C writes spaces as +)
        this.param = Pattern.compile("(?i)(^|[?&;\\s+])(" + alternatives + ")=([^&;\\s]+)");
    }

    /** Masks sensitive parameter values anywhere in {@code text} (a query, a URL or a whole line). */
    public String redactQuery(String text) {
        if (text == null || text.indexOf('=') < 0) {
            return text;
        }
        Matcher m = param.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + m.group(2) + "=" + MASK));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Redacts one space-separated W3C line: masks the whole field at {@code cookieField} (when not
     * "-", -1 for none) and sensitive parameters anywhere in the line.
     */
    public String redactW3cLine(String line, int cookieField) {
        String text = line;
        if (cookieField >= 0) {
            String[] fields = line.split(" ", -1);
            if (cookieField < fields.length && !fields[cookieField].equals("-")) {
                fields[cookieField] = MASK;
                text = String.join(" ", fields);
            }
        }
        return redactQuery(text);
    }
}
