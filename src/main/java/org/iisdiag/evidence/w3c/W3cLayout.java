package org.iisdiag.evidence.w3c;

import java.util.List;

/**
 * The field names of one {@code #Fields} directive (or of a known layout), in column order. Looked up
 * once per layout change, never per line.
 *
 * @param names       field names as written, e.g. "cs(User-Agent)"
 * @param description where the layout came from when it is not a {@code #Fields} directive, e.g.
 *                    "layout iis-default (the IIS 7.5-10 default field set)"
 * @param fieldsLine  the line of the {@code #Fields} directive, or -1; inside a block of a file being read
 *                    in parallel it counts from the block's start until the block is placed in the file
 */
public record W3cLayout(List<String> names, String description, long fieldsLine) {

    public W3cLayout {
        names = List.copyOf(names);
    }

    /** A layout from a space-separated field list that no #Fields directive gave. */
    public static W3cLayout of(String fieldList, String description) {
        return new W3cLayout(split(fieldList), description, -1);
    }

    /** The layout of a #Fields directive at {@code line}. */
    static W3cLayout fields(String fieldList, long line) {
        return new W3cLayout(split(fieldList), "", line);
    }

    private static List<String> split(String fieldList) {
        return List.of(fieldList.trim().split("\\s+"));
    }

    public boolean fromFieldsDirective() {
        return fieldsLine >= 0;
    }

    /** For messages: "the #Fields at line 4", or the description. */
    public String origin() {
        return origin(0);
    }

    /** As {@link #origin()}, for a layout whose {@link #fieldsLine} is relative to {@code lineBase}. */
    public String origin(long lineBase) {
        return fieldsLine < 0 ? description : "the #Fields at line " + (fieldsLine + lineBase);
    }

    /** The same layout with its #Fields line moved by {@code lineBase}. */
    W3cLayout rebased(long lineBase) {
        return fieldsLine < 0 || lineBase == 0 ? this : new W3cLayout(names, description, fieldsLine + lineBase);
    }

    /** Same field list (which is all that reading a line depends on). */
    public boolean sameFields(W3cLayout other) {
        return other != null && names.equals(other.names);
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

    /** The first of {@code required} this layout lacks, or null. */
    public String firstMissing(String... required) {
        for (String name : required) {
            if (indexOf(name) < 0) {
                return name;
            }
        }
        return null;
    }
}
