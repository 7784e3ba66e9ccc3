package org.iisdiag.facts;

import java.util.List;
import java.util.Locale;

/**
 * The anonymous user of {@code system.webServer/security/authentication/anonymousAuthentication} at one
 * level, when that level writes {@code userName}: "IUSR" (the built-in account), "" (the application pool
 * identity) or a specific account ("CONTOSO\svc-web"), whose {@code password} IIS keeps encrypted in the
 * configuration and uses for a cleartext logon (logonMethod) on every anonymous request. The password is
 * never read (the readers drop secrets before parsing). {@code level} orders the levels as in
 * {@link AuthenticationConfig}.
 */
public record AnonymousUserConfig(String userName, String logonMethod, int level, String configFile,
                                  String locationPath, List<String> defaults, String source) implements ConfigFact {

    /** A specific account of its own (not IUSR, not the pool identity): IIS logs it on with a stored password. */
    public boolean specificAccount() {
        String u = userName.strip();
        return !u.isEmpty() && !u.equalsIgnoreCase("IUSR") && !u.equalsIgnoreCase("NT AUTHORITY\\IUSR");
    }

    /** Whether {@code account} ("DOMAIN\\user", "user@domain" or "user") names this anonymous user. */
    public boolean isAccount(String account) {
        return !account.isEmpty() && bare(account).equals(bare(userName));
    }

    private static String bare(String a) {
        String s = a.strip().toLowerCase(Locale.ROOT);
        int slash = s.lastIndexOf('\\');
        if (slash >= 0) {
            s = s.substring(slash + 1);
        }
        int at = s.indexOf('@');
        return at > 0 ? s.substring(0, at) : s;
    }

    @Override
    public String describe() {
        return "<anonymousAuthentication userName=\"" + userName + "\" logonMethod=\"" + logonMethod + "\">" + ConfigFact.location(locationPath) + ConfigFact.where(defaults, source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
