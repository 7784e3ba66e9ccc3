package org.iisdiag.evidence.w3c;

import java.util.Locale;

/**
 * The shape of one W3C field value, checked straight on the line's bytes when a line is matched to a
 * known layout. Deliberately loose (a port is 1-65535, not "a port the server listens on"): enough to
 * tell the common IIS and HTTPERR layouts apart, never a validation of the value.
 */
public enum FieldType {
    DATE, TIME, IP, METHOD, URI, PORT, STATUS, INT, WIN32, VERSION, REASON, GUID, TEXT;

    /** The type named in the layout catalog ("ip", "win32" ...). */
    public static FieldType named(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

    /** Whether bytes [s, e) of {@code b} have this shape; every type but date and time accepts "-". */
    public boolean matches(byte[] b, int s, int e) {
        if (e - s == 1 && b[s] == '-' && this != DATE && this != TIME) {
            return true;
        }
        return switch (this) {
            case DATE -> e - s == 10 && digits(b, s, s + 4) && b[s + 4] == '-' && digits(b, s + 5, s + 7)
                    && b[s + 7] == '-' && digits(b, s + 8, s + 10);
            case TIME -> e - s >= 8 && digits(b, s, s + 2) && b[s + 2] == ':' && digits(b, s + 3, s + 5)
                    && b[s + 5] == ':' && digits(b, s + 6, s + 8) && (e - s == 8 || b[s + 8] == '.' && digits(b, s + 9, e));
            case IP -> ip(b, s, e);
            case METHOD -> e - s <= 32 && letter(b[s]) && allOf(b, s, e, "-_");
            case URI -> b[s] == '/' || b[s] == '*' || indexOf(b, s, e, "://") > 0;
            case PORT -> number(b, s, e, 5) >= 1 && number(b, s, e, 5) <= 65_535;
            case STATUS -> e - s == 3 && number(b, s, e, 3) >= 100;
            case INT -> number(b, s, e, 18) >= 0;
            case WIN32 -> number(b, s, e, 10) >= 0 && number(b, s, e, 10) <= 0xFFFF_FFFFL;
            case VERSION -> e - s >= 6 && indexOf(b, s, e, "HTTP/") == s;
            case REASON -> letter(b[s]);
            case GUID -> guid(b, s, e);
            case TEXT -> true;
        };
    }

    private static boolean letter(byte c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean digits(byte[] b, int s, int e) {
        if (s >= e) {
            return false;
        }
        for (int i = s; i < e; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return false;
            }
        }
        return true;
    }

    /** Letters, digits and the given extra characters only. */
    private static boolean allOf(byte[] b, int s, int e, String extra) {
        for (int i = s; i < e; i++) {
            byte c = b[i];
            if (!letter(c) && !(c >= '0' && c <= '9') && extra.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Unsigned decimal of at most {@code maxDigits} digits, or -1. */
    private static long number(byte[] b, int s, int e, int maxDigits) {
        if (e - s > maxDigits || !digits(b, s, e)) {
            return -1;
        }
        long v = 0;
        for (int i = s; i < e; i++) {
            v = v * 10 + (b[i] - '0');
        }
        return v;
    }

    private static int indexOf(byte[] b, int s, int e, String what) {
        outer:
        for (int i = s; i + what.length() <= e; i++) {
            for (int j = 0; j < what.length(); j++) {
                if (b[i + j] != what.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Dotted IPv4, or IPv6 (hex groups and ':', an embedded IPv4 allowed), each with an optional %zone. */
    private static boolean ip(byte[] b, int s, int e) {
        int zone = indexOf(b, s, e, "%");
        int end = zone < 0 ? e : zone;
        if (zone >= 0 && (zone + 1 >= e || !allOf(b, zone + 1, e, ""))) {
            return false;
        }
        if (indexOf(b, s, end, ":") < 0) {
            return ipv4(b, s, end);
        }
        int colons = 0;
        for (int i = s; i < end; i++) {
            byte c = b[i];
            if (c == ':') {
                colons++;
            } else if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == '.')) {
                return false;
            }
        }
        return colons >= 2 && colons <= 7;
    }

    private static boolean ipv4(byte[] b, int s, int e) {
        int parts = 0;
        int start = s;
        for (int i = s; i <= e; i++) {
            if (i == e || b[i] == '.') {
                long v = number(b, start, i, 3);
                if (v < 0 || v > 255) {
                    return false;
                }
                parts++;
                start = i + 1;
            }
        }
        return parts == 4;
    }

    private static boolean guid(byte[] b, int s, int e) {
        if (e - s != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            byte c = b[s + i];
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }
}
