package org.iisdiag.report;

import org.iisdiag.evidence.ShellQuote;

/**
 * Whether a value from the evidence can be put into a copy-paste command as it is. The catalog's
 * commands put values inside cmd double quotes ("...") and PowerShell quotes; there a quote ends the
 * string, % expands a variable in cmd, and $name, $( or ${ and the backtick expand or escape in
 * PowerShell. Control characters and bidi overrides change what a person sees. A value with any of
 * these is named in the step instead of embedded. A plain trailing $ (a computer account) is literal.
 * Some steps put a value outside quotes ({@code http://localhost{url}}), so a value must also be one that
 * {@link ShellQuote} can quote for both cmd and PowerShell (no {@code & | < > ^ !}) and hold no {@code ;}
 * (PowerShell runs what follows it as a new statement).
 */
final class ShellSafety {
    private ShellSafety() {
    }

    static boolean unsafe(String value) {
        if (value == null) {
            return false;
        }
        if (ShellQuote.isUnsafe(ShellQuote.cmd(value)) || ShellQuote.isUnsafe(ShellQuote.powershell(value))
                || value.indexOf(';') >= 0) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f || "\"'%`".indexOf(c) >= 0 || (c >= 0x202a && c <= 0x202e)
                    || (c >= 0x2066 && c <= 0x2069)) {
                return true;
            }
            if (c == '$' && i + 1 < value.length()) {
                char n = value.charAt(i + 1);
                if (Character.isLetterOrDigit(n) || n == '{' || n == '(' || n == '_' || n == '$' || n == '?') {
                    return true;
                }
            }
        }
        return false;
    }
}
