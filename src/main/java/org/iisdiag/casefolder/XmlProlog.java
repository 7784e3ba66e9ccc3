package org.iisdiag.casefolder;

import java.io.IOException;
import java.io.Reader;

/**
 * Finds the root element of an XML file behind a prolog of any length (comments, processing
 * instructions, white space, a DOCTYPE), streaming with constant memory: a valid web.config whose
 * root comes after 8 KiB of comments is still a web.config.
 */
final class XmlProlog {
    private XmlProlog() {
    }

    /** Whether {@code head} (the start of a file, decoded) is an XML prolog that has not reached an element yet. */
    static boolean unfinished(String head) {
        int i = 0;
        int n = head.length();
        while (i < n) {
            char c = head.charAt(i);
            if (Character.isWhitespace(c) || c == '\uFEFF') {
                i++;
            } else if (head.startsWith("<!--", i)) {
                int end = head.indexOf("-->", i + 4);
                if (end < 0) {
                    return true;
                }
                i = end + 3;
            } else if (head.startsWith("<?", i)) {
                int end = head.indexOf("?>", i + 2);
                if (end < 0) {
                    return true;
                }
                i = end + 2;
            } else if (head.startsWith("<!", i)) {
                int depth = 0;
                int k = i + 2;
                for (; k < n; k++) {
                    char x = head.charAt(k);
                    if (x == '[') {
                        depth++;
                    } else if (x == ']') {
                        depth--;
                    } else if (x == '>' && depth <= 0) {
                        break;
                    }
                }
                if (k >= n) {
                    return true;
                }
                i = k + 1;
            } else {
                return false;
            }
        }
        return i > 0; // only prolog so far
    }

    /**
     * Skips the prolog of {@code in} and returns up to {@code max} characters from the root element on
     * (a DOCTYPE is kept in front of them, so the readers still refuse it); "" when no element comes.
     */
    static String fromRoot(Reader in, int max) throws IOException {
        StringBuilder doctype = new StringBuilder();
        int c = in.read();
        while (c >= 0) {
            if (Character.isWhitespace(c) || c == '\uFEFF') {
                c = in.read();
                continue;
            }
            if (c != '<') {
                return "";
            }
            int d = in.read();
            if (d == '?') {
                c = skipPast(in, "?>");
            } else if (d == '!') {
                int e = in.read();
                if (e == '-') {
                    in.read();
                    c = skipPast(in, "-->");
                } else {
                    doctype.setLength(0);
                    doctype.append("<!DOCTYPE ...>\n");
                    c = skipDeclaration(in);
                }
            } else {
                StringBuilder b = new StringBuilder(doctype).append('<');
                for (int x = d; x >= 0 && b.length() < max; x = in.read()) {
                    b.append((char) x);
                }
                return b.toString();
            }
        }
        return "";
    }

    /** Reads past {@code end}; returns the character after it (or -1). */
    private static int skipPast(Reader in, String end) throws IOException {
        int matched = 0;
        for (int c = in.read(); c >= 0; c = in.read()) {
            if (c == end.charAt(matched)) {
                if (++matched == end.length()) {
                    return in.read();
                }
            } else {
                matched = c == end.charAt(0) ? 1 : 0;
            }
        }
        return -1;
    }

    /** Reads past a markup declaration, internal subset [...] included; returns the character after it. */
    private static int skipDeclaration(Reader in) throws IOException {
        int depth = 0;
        for (int c = in.read(); c >= 0; c = in.read()) {
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == '>' && depth <= 0) {
                return in.read();
            }
        }
        return -1;
    }
}
