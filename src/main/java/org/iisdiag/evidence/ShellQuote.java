package org.iisdiag.evidence;

/**
 * Quotes a value from a case (a site or application-pool name, a path) for a command the report shows,
 * or refuses: when a value cannot be quoted safely for that shell, {@link #UNSAFE} comes back instead.
 * The marker is chosen so that a command holding it fails to parse in cmd ({@code <} redirects from a
 * file that does not exist) and in PowerShell ({@code <} is reserved), so a copied command never runs
 * with a wrong value.
 */
public final class ShellQuote {
    /** What an unquotable value is shown as. */
    public static final String UNSAFE = "<unsafe-value>";

    private ShellQuote() {
    }

    /** Whether a quoted value is the unsafe marker. */
    public static boolean isUnsafe(String quoted) {
        return UNSAFE.equals(quoted);
    }

    /**
     * A double-quoted cmd.exe argument. cmd has no escape inside double quotes, expands {@code %VAR%} (and
     * {@code !VAR!} with delayed expansion) even there, and a {@code "} inside would end the quoting, so
     * values with {@code " % ! ^ & | < >}, control characters or line breaks are refused. Trailing
     * backslashes are doubled so the closing quote is not escaped for the program (CommandLineToArgvW).
     */
    public static String cmd(String value) {
        if (value == null || value.isEmpty()) {
            return "\"\"";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ("\"%!^&|<>".indexOf(c) >= 0 || Character.isISOControl(c) || isInvisible(c)) {
                return UNSAFE;
            }
        }
        int trailing = 0;
        while (trailing < value.length() && value.charAt(value.length() - 1 - trailing) == '\\') {
            trailing++;
        }
        return "\"" + value + "\\".repeat(trailing) + "\"";
    }

    /**
     * A single-quoted PowerShell literal: nothing inside is expanded ({@code $(...)}, {@code $x}, backticks
     * are text) and {@code '} is written twice. PowerShell also takes the typographic quotes
     * U+2018..U+201B as single quotes, so they are doubled too; control characters are refused.
     */
    public static String powershell(String value) {
        if (value == null) {
            return "''";
        }
        StringBuilder b = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || isInvisible(c)) {
                return UNSAFE;
            }
            if (c == '\'' || (c >= '\u2018' && c <= '\u201b')) {
                b.append(c);
            }
            b.append(c);
        }
        return b.append('\'').toString();
    }

    /**
     * A value for appcmd.exe, which runs under cmd: quoted as {@link #cmd}, and also refused when it
     * starts with {@code /} or {@code -} (appcmd would read it as one of its own parameters after the
     * quotes are removed, e.g. a site named {@code /commit:apphost}).
     */
    public static String appcmd(String value) {
        if (value != null && (value.startsWith("/") || value.startsWith("-"))) {
            return UNSAFE;
        }
        return cmd(value);
    }

    /** Bidi controls, zero-width and other format characters: they make a command read differently than it runs. */
    private static boolean isInvisible(char c) {
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
