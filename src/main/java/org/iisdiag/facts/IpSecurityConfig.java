package org.iisdiag.facts;

import java.util.List;

/**
 * {@code system.webServer/security/ipSecurity}: IP Address and Domain Restrictions of a site or path.
 * With {@code allowUnlisted} false every address no {@code allowed="true"} entry covers is refused
 * (403.503 with deny action Forbidden); with it true only the deny entries refuse.
 *
 * @param allowUnlisted  the attribute, true when absent (the IIS default)
 * @param enableProxyMode whether the module also checks the X-Forwarded-For addresses, besides the connection's
 * @param denyAction     the attribute as written, "" when absent (Forbidden)
 * @param entries        the {@code <add>} entries in document order ({@code <clear/>} drops the earlier ones)
 * @param cleared        whether a {@code <clear/>} drops the inherited entries
 */
public record IpSecurityConfig(boolean allowUnlisted, boolean enableProxyMode, String denyAction,
                               List<IpSecurityEntry> entries, boolean cleared, String configFile,
                               String locationPath, List<String> defaults, String source) implements ConfigFact {

    /** The entries that allow, as "10.0.0.0/255.255.0.0" (or a domain name). */
    public String allowedText() {
        List<String> a = entries.stream().filter(IpSecurityEntry::allowed).map(IpSecurityEntry::describe).toList();
        return a.isEmpty() ? "none" : String.join(", ", a);
    }

    @Override
    public String describe() {
        return "ipSecurity allowUnlisted=\"" + allowUnlisted + "\"" + (enableProxyMode ? " enableProxyMode=\"true\"" : "")
                + ", allowed: " + allowedText() + ConfigFact.location(locationPath) + ConfigFact.where(defaults, source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
