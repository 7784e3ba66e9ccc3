package org.iisdiag.conclusions;

import java.util.ArrayList;
import java.util.List;

import org.iisdiag.facts.IisStatusCount;
import org.iisdiag.facts.IpSecurityConfig;
import org.iisdiag.facts.IpSecurityEntry;
import org.iisdiag.facts.Ipv4;
import org.iisdiag.facts.UriCount;

/** Which refused client addresses an ipSecurity allow list leaves out, and the range that holds them. */
public final class IpRestrictions {
    /** A covering range wider than this (fewer prefix bits) is not proposed: it would hold other networks. */
    static final int NARROWEST_PREFIX = 16;
    private static final int SHOWN = 8;
    /** At most this many refused addresses can be the proxies in front of a site (a pair of load balancer nodes, a few SNAT addresses). */
    static final int PROXY_ADDRESSES = 4;

    private IpRestrictions() {
    }

    /** The client addresses of the entries (c-ip), most frequent first; none for other facts. */
    public static List<String> clients(Object fact) {
        if (fact instanceof IisStatusCount c) {
            return c.clients().stream().map(UriCount::uri).toList();
        }
        return List.of();
    }

    /**
     * The refused addresses when they are few ({@value #PROXY_ADDRESSES} at most) and all private: what a load
     * balancer or reverse proxy in front of the site looks like in c-ip, every user arriving from its address.
     * Empty otherwise (many addresses, or a public one: clients reaching the server themselves).
     */
    public static List<String> proxyAddresses(Object fact) {
        List<String> c = clients(fact);
        return c.size() <= PROXY_ADDRESSES && c.stream().allMatch(Ipv4::isPrivate) ? c : List.of();
    }

    /**
     * Whether {@code served}, successes of the same site and server, has one logged after the first of the
     * {@code refused} entries: some clients still got through, so the refused addresses are not the one way
     * in that every user now takes (a proxy in front of the site), only addresses the list misses.
     */
    public static boolean othersServedSince(Object refused, IisStatusCount served) {
        return refused instanceof IisStatusCount r && r.firstSeen() != null && served.lastSeen() != null
                && served.site().equals(r.site()) && served.server().equals(r.server())
                && served.lastSeen().isAfter(r.firstSeen());
    }

    /** The refused addresses no allowed entry of {@code config} covers (domain and IPv6 entries cover none). */
    public static List<String> notAllowed(Object fact, IpSecurityConfig config) {
        List<String> out = new ArrayList<>();
        for (String a : clients(fact)) {
            boolean allowed = false;
            for (IpSecurityEntry e : config.entries()) {
                if (e.allowed() && e.covers(a)) {
                    allowed = true;
                    break;
                }
            }
            if (!allowed) {
                out.add(a);
            }
        }
        return out;
    }

    /**
     * The diagnosis's parameters: the refused addresses, the allow list, and (when they fit in a /16 or
     * narrower) the range that holds them.
     */
    public static String[] params(Object source, String code, long count, IpSecurityConfig config) {
        List<String> refused = notAllowed(source, config);
        List<String> p = new ArrayList<>(List.of("statusCode", code, "count", StatusCodes.thousands(count),
                "clients", text(refused), "clientCount", String.valueOf(refused.size()),
                "allowed", config.allowedText(), "configSource", config.source()));
        String[] r = range(refused);
        if (r != null) {
            p.addAll(List.of("rangeAddress", r[0], "rangeMask", r[1], "rangePrefix", r[2]));
        }
        return p.toArray(String[]::new);
    }

    /** "a, b, c and 25 more" for a title or explanation. */
    public static String text(List<String> addresses) {
        if (addresses.size() <= SHOWN) {
            return String.join(", ", addresses);
        }
        return String.join(", ", addresses.subList(0, SHOWN)) + " and " + (addresses.size() - SHOWN) + " more";
    }

    /**
     * The smallest IPv4 range that holds every address, as {network, mask, prefix length}, or null when
     * no address is IPv4 or the range would be wider than a /16.
     */
    public static String[] range(List<String> addresses) {
        long[] p = Ipv4.coveringPrefix(addresses);
        if (p == null || p[1] < NARROWEST_PREFIX) {
            return null;
        }
        return new String[] {Ipv4.format(p[0]), Ipv4.mask((int) p[1]), String.valueOf(p[1])};
    }
}
