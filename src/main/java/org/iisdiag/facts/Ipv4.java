package org.iisdiag.facts;

import java.util.List;

/** Dotted IPv4 addresses as unsigned 32-bit numbers, and the smallest prefix that holds several. */
public final class Ipv4 {
    private Ipv4() {
    }

    /** The address as a number from 0 to 2^32-1, or -1 when it is not a dotted IPv4 address. */
    public static long parse(String s) {
        if (s == null) {
            return -1;
        }
        String[] p = s.strip().split("\\.", -1);
        if (p.length != 4) {
            return -1;
        }
        long v = 0;
        for (String part : p) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                return -1;
            }
            int n = Integer.parseInt(part);
            if (n > 255) {
                return -1;
            }
            v = (v << 8) | n;
        }
        return v;
    }

    /**
     * Whether the address is a private IPv4 address (RFC 1918: 10/8, 172.16/12, 192.168/16), the kind a load
     * balancer, reverse proxy or NAT in front of a server connects from; false for anything else.
     */
    public static boolean isPrivate(String s) {
        long v = parse(s);
        return v >= 0 && ((v >>> 24) == 10 || (v >>> 20) == ((172L << 4) | 1) || (v >>> 16) == ((192L << 8) | 168));
    }

    public static String format(long v) {
        return ((v >>> 24) & 255) + "." + ((v >>> 16) & 255) + "." + ((v >>> 8) & 255) + "." + (v & 255);
    }

    /**
     * The longest prefix (as network address and prefix length) that holds every IPv4 address given,
     * or null when none is IPv4. Non-IPv4 values are skipped.
     */
    public static long[] coveringPrefix(List<String> addresses) {
        long lo = -1;
        long hi = -1;
        for (String a : addresses) {
            long v = parse(a);
            if (v < 0) {
                continue;
            }
            lo = lo < 0 ? v : Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (lo < 0) {
            return null;
        }
        int bits = 32;
        while (bits > 0 && (lo >>> (32 - bits)) != (hi >>> (32 - bits))) {
            bits--;
        }
        long mask = bits == 0 ? 0 : (0xFFFF_FFFFL << (32 - bits)) & 0xFFFF_FFFFL;
        return new long[] {lo & mask, bits};
    }

    /** The mask of a prefix length, dotted (24 gives 255.255.255.0). */
    public static String mask(int bits) {
        return format(bits == 0 ? 0 : (0xFFFF_FFFFL << (32 - bits)) & 0xFFFF_FFFFL);
    }
}
