package org.iisdiag.evidence;

/**
 * Makes text from a case safe to show: on a terminal (no escape sequence, no bidi trick, no overwritten
 * line) and in Markdown (no table broken, no HTML, no link or code span opened by the data). Everything
 * hidden or dangerous is shown escaped ({@code \x1b}, {@code \\u202e}) so a reader still sees that it was
 * there. The escapes are for display: they are not meant to be reversed.
 */
public final class Sanitize {
    private Sanitize() {
    }

    /**
     * For a terminal: C0 and C1 control characters (ESC and so every CSI/OSC sequence, OSC 8 links and
     * window titles; bare CR, backspace, BEL, line breaks and tabs), DEL, bidirectional overrides and
     * isolates (U+202A..U+202E, U+2066..U+2069), other invisible format characters (zero-width, BOM),
     * line and paragraph separators and unpaired surrogates are shown as {@code \xNN} / {@code \\uNNNN}.
     */
    public static String forTerminal(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String esc = terminalEscape(s, i, c);
            if (esc == null) {
                if (b != null) {
                    b.append(c);
                }
                continue;
            }
            if (b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            b.append(esc);
        }
        return b == null ? s : b.toString();
    }

    private static String terminalEscape(String s, int i, char c) {
        switch (c) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            default:
                break;
        }
        if (c < 0x20 || c == 0x7f) {
            return String.format(java.util.Locale.ROOT, "\\x%02x", (int) c);
        }
        if (c >= 0x80 && c < 0xa0) {
            return String.format(java.util.Locale.ROOT, "\\u%04x", (int) c);
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)) ? null
                    : String.format(java.util.Locale.ROOT, "\\u%04x", (int) c);
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(s.charAt(i - 1)) ? null
                    : String.format(java.util.Locale.ROOT, "\\u%04x", (int) c);
        }
        int type = Character.getType(c);
        if (type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
            return String.format(java.util.Locale.ROOT, "\\u%04x", (int) c);
        }
        return null;
    }

    /**
     * For a Markdown table cell: terminal-safe first, then {@code \ | ` * _ [ ] ! ~} escaped with a
     * backslash and {@code < > &} as entities, so the value can neither end the cell, open a code span,
     * emphasis or a link, nor carry HTML.
     */
    public static String forMarkdownCell(String s) {
        String t = forTerminal(s);
        StringBuilder b = new StringBuilder(t.length() + 8);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            switch (c) {
                case '\\', '|', '`', '*', '_', '[', ']', '!', '~' -> b.append('\\').append(c);
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * A Markdown code span holding {@code s}, safe in a table cell: fenced with one backtick more than the
     * longest run inside, padded when it starts or ends with one, {@code |} escaped (GitHub tables split
     * on it even in code). Inside a code span {@code < > &} are shown literally, so no entity is needed
     * and no HTML can start.
     */
    public static String forMarkdownCode(String s) {
        return codeSpan(forTerminal(s).replace("|", "\\|"));
    }

    /**
     * A Markdown code span outside a table: as {@link #forMarkdownCode} but {@code |} stays as it is (a
     * backslash before it would be shown, since code spans take no escapes).
     */
    public static String forMarkdownInlineCode(String s) {
        return codeSpan(forTerminal(s));
    }

    /** The fence of a code span or block: one backtick more than the longest run in {@code t}, at least {@code min}. */
    public static String backtickFence(String t, int min) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < t.length(); i++) {
            run = t.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return "`".repeat(Math.max(min, longest + 1));
    }

    private static String codeSpan(String t) {
        String fence = backtickFence(t, 1);
        boolean pad = t.startsWith("`") || t.endsWith("`") || t.isEmpty();
        return fence + (pad ? " " : "") + t + (pad ? " " : "") + fence;
    }
}
