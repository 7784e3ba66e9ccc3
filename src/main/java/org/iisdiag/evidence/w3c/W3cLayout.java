package org.iisdiag.evidence.w3c;

import java.util.List;

/**
 * The field names of one {@code #Fields} directive (or an assumed default set), in column order.
 * Looked up once per header block, never per line.
 *
 * @param names  field names as written, e.g. "cs(User-Agent)"
 * @param origin where the layout came from, for reject messages, e.g. "the #Fields at line 4"
 */
public record W3cLayout(List<String> names, String origin) {

    public W3cLayout {
        names = List.copyOf(names);
    }

    /** A layout from a space-separated field list. */
    public static W3cLayout of(String fieldList, String origin) {
        return new W3cLayout(List.of(fieldList.trim().split("\\s+")), origin);
    }

    public int size() {
        return names.size();
    }

    /** Column of a field (case-insensitive, as IIS spells names inconsistently across versions), or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The reject reason for lines under this layout when a required field is absent, or null. */
    public String missing(String... required) {
        for (String name : required) {
            if (indexOf(name) < 0) {
                return "no " + name + " field in " + origin;
            }
        }
        return null;
    }
}
