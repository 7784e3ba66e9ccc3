package org.iisdiag.facts;

/**
 * Header field names as HTTP defines them (RFC 9110 section 5.1: field-name = token; token = 1*tchar; tchar =
 * "!" / "#" / "$" / "%" / "&amp;" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA).
 * A name with a space or a separator ("X-Correlation ID", "X-Api-Key?") is not a header HTTP.sys accepts: it
 * refuses the whole request with 400 "Bad Request - Invalid Header".
 */
public final class HeaderNames {
    /** The longest name kept from a request (a garbled "name" can be a whole header line). */
    public static final int MAX_NAME_CHARS = 60;

    private HeaderNames() {
    }

    /** Whether {@code name} is a token (HTTP/2 pseudo-headers such as ":authority" are not names to check). */
    public static boolean isToken(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!tchar(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The token a client most likely meant: each run of characters a token may not hold becomes one "-", with
     * none at either end ("X-Correlation ID" gives "X-Correlation-ID"); "" when nothing of the name is left.
     */
    public static String asToken(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        boolean gap = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (tchar(c)) {
                if (gap && b.length() > 0 && b.charAt(b.length() - 1) != '-') {
                    b.append('-');
                }
                b.append(c);
                gap = false;
            } else {
                gap = true;
            }
        }
        return b.toString();
    }

    /** The name as a report may quote it: at most {@link #MAX_NAME_CHARS} characters, control characters shown as '?'. */
    public static String quotable(String name) {
        String cut = name.length() > MAX_NAME_CHARS ? name.substring(0, MAX_NAME_CHARS) : name;
        StringBuilder b = new StringBuilder(cut.length());
        cut.chars().forEach(c -> b.append(c < 0x20 || c == 0x7f ? '?' : (char) c));
        return b.toString();
    }

    private static boolean tchar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
