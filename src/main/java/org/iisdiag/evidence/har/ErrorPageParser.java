package org.iisdiag.evidence.har;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iisdiag.evidence.Limits;
import org.iisdiag.facts.XmlProblem;

/**
 * Reads what an error page says about its error out of its HTML: the fields of IIS's detailed error
 * ("Detailed Error Information": Module, Notification, Handler, Error Code, Config Error, Config File,
 * Requested URL, Physical Path, Logon Method), the "HTTP Error 500.30 - ..." headline of IIS and ANCM
 * pages, and ASP.NET's "Exception Details". Patterns are bounded (no unanchored {@code .*} around
 * {@code find()}) and the input is capped by the caller.
 */
final class ErrorPageParser {
    /**
     * What a page said; empty strings when it did not say. {@code configLine} is the line of the configuration
     * file IIS's "Config Source" points at (-1 when it shows none), {@code configProblem} what that line shows
     * is malformed in it (its text itself is not kept: configuration lines may hold secrets).
     */
    record Parsed(String kind, String code, String heading, Map<String, String> fields, String exception,
                  long configLine, XmlProblem configProblem) {
        /** The "Config File" row without the long-path prefix ({@code \\?\C:\...}) IIS shows it with. */
        String configFile() {
            return field("Config File").replaceFirst("^\\\\+\\?\\\\", "");
        }

        String field(String name) {
            return fields.getOrDefault(name, "");
        }
    }

    /** One line naming a page's error, for samples: "HTTP Error 500.19, module IIS Web Core, error code 0x8007000d, ...". */
    static String summary(String code, String module, String errorCode, String configFile, String exception) {
        return (code.isEmpty() ? "" : "HTTP Error " + code) + (module.isEmpty() ? "" : ", module " + module)
                + (errorCode.isEmpty() ? "" : ", error code " + errorCode)
                + (configFile.isEmpty() ? "" : ", config file " + configFile)
                + (exception.isEmpty() ? "" : ", " + exception);
    }

    /** A row of the detailed error's tables; the value may end in line breaks ({@code Config Error ...<br>}). */
    private static final Pattern ROW = Pattern.compile(
            "(?is)<th[^>]{0,200}>([^<]{1,60})</th>\\s{0,20}<td[^>]{0,200}>((?:[^<]|<br\\s{0,3}/?>){0,600})</td>");
    private static final Pattern HTTP_ERROR = Pattern.compile("(?i)HTTP Error (\\d{3})(?:\\.(\\d{1,5}))?\\s{0,5}-?\\s{0,5}([^<\\r\\n]{0,200})");
    private static final Pattern H4 = Pattern.compile("(?is)<h4>([^<]{1,400})</h4>");
    private static final Pattern EXCEPTION_DETAILS = Pattern.compile(
            "(?is)Exception Details:\\s{0,20}</b>\\s{0,20}([^<]{1,400})");
    private static final Pattern TAGS = Pattern.compile("<[^>]{0,500}>");
    /** IIS's "Config Source" block: the failing line of the configuration file between its neighbours. */
    private static final Pattern CONFIG_SOURCE = Pattern.compile("(?is)Config Source:\\s{0,20}(?:</h4>)?\\s{0,20}<pre>([^<]{0,8000})</pre>");
    private static final Pattern SOURCE_LINE = Pattern.compile("^\\s{0,20}(-?\\d{1,7}):(.*)$");

    /**
     * The same rows as text, as a page's text is pasted into a ticket or a description: "Error Code
     * 0x80070021", "Config Error: This configuration section cannot be used at this path.", a "Module  IIS
     * Web Core" line. A value ends at the line's end (and "Config Error" at its first sentence); an error
     * code is its eight hex digits.
     */
    private static final Map<String, Pattern> TEXT_ROWS = textRows();
    private static final Pattern TEXT_EXCEPTION_DETAILS = Pattern.compile("(?i)Exception Details:[ \\t]{0,20}([^\\r\\n]{1,400})");

    private static Map<String, Pattern> textRows() {
        Map<String, Pattern> rows = new LinkedHashMap<>();
        String gap = "[ \\t]{0,20}:?[ \\t]{1,20}";
        for (String line : new String[] {"Module", "Notification", "Handler", "Physical Path", "Logon Method", "Logon User"}) {
            rows.put(line, Pattern.compile("(?im)^[ \\t]{0,20}" + line + gap + "([^\\r\\n]{1,260}?)[ \\t]*$"));
        }
        rows.put("Error Code", Pattern.compile("(?i)\\bError Code" + gap + "(0x[0-9a-f]{8})\\b"));
        rows.put("Config Error", Pattern.compile("(?i)\\bConfig Error" + gap + "([^\\r\\n]{1,300}?)(?:\\.(?=\\s|$)|[\\r\\n]|$)"));
        rows.put("Config File", Pattern.compile("(?i)\\bConfig File" + gap + "([^\\s\"']{1,260}?\\.config)\\b"));
        rows.put("Requested URL", Pattern.compile("(?i)\\bRequested URL" + gap + "([^\\s\"']{1,500})"));
        return rows;
    }

    private ErrorPageParser() {
    }

    /** The page's facts, or null when it names no error we can read. */
    static Parsed parse(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher row = ROW.matcher(html);
        while (row.find()) {
            String name = clean(row.group(1));
            if (!name.isEmpty() && !fields.containsKey(name)) {
                fields.put(name, clean(row.group(2)));
            }
        }
        boolean text = fields.isEmpty() && !html.stripLeading().startsWith("<");
        if (text) {
            TEXT_ROWS.forEach((name, pattern) -> {
                Matcher m = pattern.matcher(html);
                if (m.find()) {
                    fields.put(name, clean(m.group(1)));
                }
            });
        }
        String code = "";
        String headline = "";
        Matcher h = HTTP_ERROR.matcher(html);
        if (h.find()) {
            code = h.group(2) == null ? h.group(1) : h.group(1) + "." + h.group(2);
            headline = clean(h.group(3));
            if (text) {
                // pasted text runs on: the headline is its first sentence ("Internal Server Error")
                headline = headline.split("\\.(?=\\s|$)|[\"'\u201d)\\]]", 2)[0].strip();
            }
        }
        String heading = "";
        Matcher h4 = H4.matcher(html);
        while (h4.find()) {
            String t = clean(h4.group(1));
            // the detailed page's section titles are h4s too
            if (!t.endsWith(":")) {
                heading = t;
                break;
            }
        }
        if (heading.isEmpty()) {
            heading = headline;
        }
        String exception = "";
        Matcher ex = (text ? TEXT_EXCEPTION_DETAILS : EXCEPTION_DETAILS).matcher(html);
        if (ex.find()) {
            exception = Limits.cut(clean(ex.group(1)), 300);
        }
        String lower = html.toLowerCase(Locale.ROOT);
        String kind;
        if (fields.containsKey("Module") || fields.containsKey("Error Code") || fields.containsKey("Config Error")
                || lower.contains("detailed error information")) {
            kind = "iis-detailed";
        } else if (lower.contains("asp.net core") && !code.isEmpty()) {
            kind = "ancm";
        } else if (!exception.isEmpty() || lower.contains("server error in '")) {
            kind = "aspnet";
        } else if (!code.isEmpty()) {
            kind = "generic";
        } else {
            return null;
        }
        long configLine = -1;
        XmlProblem configProblem = XmlProblem.UNKNOWN;
        Matcher source = CONFIG_SOURCE.matcher(html);
        if (source.find()) {
            SourceLine at = failingLine(source.group(1));
            if (at != null) {
                configLine = at.number();
                configProblem = XmlProblem.fromSourceLine(at.text());
            }
        }
        // up to the h4's own 400 chars: a 502.2 headline quotes what the CGI program wrote after some 120 chars
        return new Parsed(kind, code, Limits.cut(heading, 400), fields, exception, configLine, configProblem);
    }

    record SourceLine(long number, String text) {
    }

    /**
     * The line IIS points at in a "Config Source" block: it shows the failing line between the one before
     * and the one after (only two lines at the start or the end of a file, one for a one-line file);
     * "-1:" and "0:" when it knows no line. Null when no line is named.
     */
    static SourceLine failingLine(String pre) {
        java.util.List<SourceLine> lines = new java.util.ArrayList<>();
        for (String raw : pre.split("\\r?\\n")) {
            Matcher m = SOURCE_LINE.matcher(raw);
            if (m.matches() && lines.size() < 10) {
                lines.add(new SourceLine(Long.parseLong(m.group(1)), entities(m.group(2))));
            }
        }
        if (lines.isEmpty() || lines.stream().allMatch(l -> l.number() <= 0)) {
            return null;
        }
        if (lines.size() >= 3) {
            return lines.get(1);
        }
        if (lines.size() == 2) {
            return lines.get(0).number() == 1 ? lines.get(0) : lines.get(1);
        }
        return lines.get(0);
    }

    /** HTML entities decoded, whitespace kept: the configuration line as the file has it. */
    private static String entities(String s) {
        return s.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }

    /** Text without tags and entities, whitespace collapsed. */
    static String clean(String s) {
        String t = TAGS.matcher(s).replaceAll(" ")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        return t.replaceAll("\\s+", " ").strip();
    }
}
