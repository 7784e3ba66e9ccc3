package org.iisdiag.facts;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Why a configuration file is not well-formed XML, as far as the parser's message or the line IIS shows
 * in a detailed error's "Config Source" tells. IIS answers every URL below such a file with 500.19 and
 * HRESULT 0x8007000d, the same HRESULT as for a section of a module that is not installed; what breaks the
 * XML says what to edit instead.
 */
public enum XmlProblem {
    /** A bare '&amp;' in a value (a query string, a connection string, "R&amp;D"): XML reads it as an entity reference. */
    AMPERSAND("a bare '&' in a value: XML takes '&' as the start of an entity reference"),
    /** A bare '&lt;' inside an attribute value. */
    LESS_THAN("a bare '<' inside an attribute value"),
    /** An element left open, or closed by the wrong end tag. */
    UNCLOSED_ELEMENT("an element that is not closed, or closed by the wrong end tag"),
    /** The file ends before its elements are closed: a truncated or half-copied file. */
    TRUNCATED("the file ends before its elements are closed (a truncated or partly copied file)"),
    /** One attribute given twice in the same element. */
    DUPLICATE_ATTRIBUTE("an attribute given twice in one element"),
    /** Malformed in another way. */
    OTHER("malformed XML"),
    /** The source does not say what is wrong. */
    UNKNOWN("");

    private static final Pattern BARE_AMPERSAND =
            Pattern.compile("&(?![A-Za-z_][A-Za-z0-9._-]{0,40};|#[0-9]{1,7};|#x[0-9A-Fa-f]{1,6};)");
    private static final Pattern LT_IN_VALUE = Pattern.compile("=\\s{0,5}(\"[^\"<]{0,2000}<|'[^'<]{0,2000}<)");

    private final String text;

    XmlProblem(String text) {
        this.text = text;
    }

    /** What is wrong, for a reader ("a bare '&' in a value ..."); "" for UNKNOWN. */
    public String text() {
        return text;
    }

    /** From the message of the XML parser (Woodstox, the JDK's StAX) that refused the file. */
    public static XmlProblem fromParserMessage(String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (m.contains("reference for entity") || m.contains("entity reference") || m.contains("undeclared general entity")
                || m.contains("entity name") || m.contains("entityname")
                // Woodstox on an '&' followed by a character no name starts with ("R & D", "Forms & Templates");
                // the same words after a '<' name a malformed element instead
                || (m.contains("(missing name?)") && !m.contains("after '<'"))) {
            return AMPERSAND;
        }
        if (m.contains("'<'") && m.contains("attribute value")) {
            return LESS_THAN;
        }
        if (m.contains("unexpected eof") || m.contains("end of input") || m.contains("premature end")) {
            return TRUNCATED;
        }
        if (m.contains("close tag") || m.contains("end tag") || m.contains("must be terminated")) {
            return UNCLOSED_ELEMENT;
        }
        if (m.contains("duplicate attribute")) {
            return DUPLICATE_ATTRIBUTE;
        }
        return OTHER;
    }

    /** From the text of the configuration line a detailed error shows (entities already decoded). */
    public static XmlProblem fromSourceLine(String line) {
        if (line == null || line.isBlank()) {
            return UNKNOWN;
        }
        if (BARE_AMPERSAND.matcher(line).find()) {
            return AMPERSAND;
        }
        if (LT_IN_VALUE.matcher(line).find()) {
            return LESS_THAN;
        }
        return UNKNOWN;
    }
}
