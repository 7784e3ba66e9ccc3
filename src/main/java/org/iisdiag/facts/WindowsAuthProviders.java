package org.iisdiag.facts;

import java.util.List;

/**
 * The {@code <providers>} collection of one {@code <windowsAuthentication>} element at one level (see
 * {@link AuthenticationConfig} for {@code level} and {@code locationPath}): the providers it adds, in order,
 * and whether it starts with {@code <clear/>} (then the list is complete at this level; otherwise it adds to
 * the inherited one, which by default holds Negotiate and NTLM). IIS sends one {@code WWW-Authenticate}
 * header per provider in the effective list, and a client can only answer with a scheme it is offered.
 */
public record WindowsAuthProviders(boolean cleared, List<String> providers, List<String> removed, int level,
                                   String configFile, String locationPath, String source) implements ConfigFact {

    /** Whether the list this level leaves is complete and offers no NTLM, neither plain nor inside Negotiate's fallback. */
    public boolean completeWithoutNtlm() {
        return cleared && !providers.isEmpty() && !names(providers, "NTLM");
    }

    /** Whether this level takes NTLM out: a complete list without it, or a {@code <remove value="NTLM"/>}. */
    public boolean dropsNtlm() {
        return completeWithoutNtlm() || names(removed, "NTLM");
    }

    /**
     * Whether this level takes Negotiate out (a complete list without it, or a {@code <remove>}): then no client
     * can authenticate with Kerberos, only with NTLM, whose logon cannot be delegated to another server.
     */
    public boolean dropsNegotiate() {
        return cleared && !providers.isEmpty() && !names(providers, "Negotiate") || names(removed, "Negotiate");
    }

    /** Whether this level adds Negotiate (or Negotiate:Kerberos) to the list. */
    public boolean addsNegotiate() {
        return names(providers, "Negotiate");
    }

    /** Whether the list names the scheme; Negotiate also as "Negotiate:Kerberos" (Negotiate without its NTLM fallback). */
    private static boolean names(List<String> list, String scheme) {
        return list.stream().map(String::strip).anyMatch(p -> p.equalsIgnoreCase(scheme)
                || scheme.equalsIgnoreCase("Negotiate") && p.regionMatches(true, 0, "Negotiate:", 0, 10));
    }

    @Override
    public List<String> defaults() {
        return List.of();
    }

    @Override
    public String describe() {
        return "<windowsAuthentication><providers>" + (cleared ? "<clear/> " : "")
                + (removed.isEmpty() ? "" : "remove " + String.join(", ", removed) + "; ")
                + (providers.isEmpty() ? "(none added)" : "add " + String.join(", ", providers))
                + ConfigFact.location(locationPath) + ConfigFact.where(List.of(), source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
