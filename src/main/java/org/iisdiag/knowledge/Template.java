package org.iisdiag.knowledge;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * Catalog prose with {@code {name}} placeholders. {@code {{} and {@code }}} stand for literal braces,
 * so PowerShell hashtables can be written in steps.
 */
public final class Template {
    private Template() {
    }

    /** The placeholder names used in {@code text}, in order of first use. */
    public static Set<String> placeholders(String text) {
        Set<String> names = new LinkedHashSet<>();
        scan(text, name -> {
            names.add(name);
            return "";
        });
        return names;
    }

    /** Replaces every placeholder by {@code values.apply(name)} and unescapes doubled braces. */
    public static String fill(String text, Function<String, String> values) {
        return scan(text, values);
    }

    private static String scan(String text, Function<String, String> values) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if ((c == '{' || c == '}') && i + 1 < text.length() && text.charAt(i + 1) == c) {
                out.append(c);
                i += 2;
                continue;
            }
            if (c == '{') {
                int end = text.indexOf('}', i);
                if (end > i + 1 && isName(text, i + 1, end)) {
                    out.append(values.apply(text.substring(i + 1, end)));
                    i = end + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static boolean isName(String text, int from, int to) {
        if (!Character.isLetter(text.charAt(from))) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
