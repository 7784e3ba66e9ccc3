package org.iisdiag.facts;

/**
 * One {@code <add>} of ipSecurity: an IPv4/IPv6 address with an optional subnet mask, or a domain name.
 *
 * @param ipAddress  the address as written, "" for a domain entry
 * @param subnetMask the mask as written, "" when absent (the address alone)
 * @param domainName the domain name, "" for an address entry
 */
public record IpSecurityEntry(String ipAddress, String subnetMask, String domainName, boolean allowed) {

    /** Whether this entry's address range holds an IPv4 address (false for domain and IPv6 entries, and for unparsable ones). */
    public boolean covers(String address) {
        long ip = Ipv4.parse(address);
        long net = Ipv4.parse(ipAddress);
        if (ip < 0 || net < 0 || !domainName.isEmpty()) {
            return false;
        }
        long mask = subnetMask.isEmpty() ? 0xFFFF_FFFFL : Ipv4.parse(subnetMask);
        return mask >= 0 && (ip & mask) == (net & mask);
    }

    public String describe() {
        if (!domainName.isEmpty()) {
            return domainName;
        }
        return subnetMask.isEmpty() ? ipAddress : ipAddress + "/" + subnetMask;
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
