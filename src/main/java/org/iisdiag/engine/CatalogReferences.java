package org.iisdiag.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the catalog ids a DRL file names through the conclusion functions
 * ({@code recommend(kcontext, "id", ...)}, {@code finding(...)}, {@code ask(...)}), with their lines,
 * so an unknown id is a load error rather than a surprise at run time.
 */
public final class CatalogReferences {
    public enum Kind { ACTION, FINDING, QUESTION }

    public record Reference(Kind kind, String id, int line) {
    }

    private static final Pattern CALL =
            Pattern.compile("\\b(recommend|finding|ask)\\s*\\(\\s*kcontext\\s*,\\s*(\"([^\"]*)\"|[^,)]+)");

    private CatalogReferences() {
    }

    public static List<Reference> scan(String drl) {
        List<Reference> refs = new ArrayList<>();
        Matcher m = CALL.matcher(drl);
        while (m.find()) {
            Kind kind = switch (m.group(1)) {
                case "recommend" -> Kind.ACTION;
                case "finding" -> Kind.FINDING;
                default -> Kind.QUESTION;
            };
            String id = m.group(3) != null ? m.group(3) : null;
            refs.add(new Reference(kind, id, lineOf(drl, m.start())));
        }
        return refs;
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
