package org.iisdiag.evidence.w3c;

/**
 * A layout of the catalog: a field list that IIS, HTTP.sys or the FTP service writes by default or with
 * common custom fields, and the type of each field, so that a line without a {@code #Fields} that
 * describes it can be recognised by its shape.
 */
public record KnownLayout(String name, LogKind kind, String description, W3cLayout layout, FieldType[] types) {

    public int size() {
        return types.length;
    }

    /** Whether every field of the record (which has {@link #size()} fields) has the type this layout gives it. */
    public boolean fits(W3cRecord r) {
        byte[] b = r.buffer();
        for (int f = 0; f < types.length; f++) {
            if (!types[f].matches(b, r.start(f), r.end(f))) {
                return false;
            }
        }
        return true;
    }

    /** Same check on a line already split into Strings (content sniffing). */
    boolean fits(String[] fields) {
        if (fields.length != types.length) {
            return false;
        }
        for (int f = 0; f < types.length; f++) {
            byte[] b = fields[f].getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (b.length == 0 || !types[f].matches(b, 0, b.length)) {
                return false;
            }
        }
        return true;
    }
}
