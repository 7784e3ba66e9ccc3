package org.iisdiag.conclusions;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.iisdiag.facts.AnonymousUserConfig;
import org.iisdiag.facts.AppPoolDefinition;

/**
 * The Windows account IIS opens a site's files as for an anonymous request: the anonymous user of
 * anonymousAuthentication (IUSR, or an account of its own), or with an empty userName the identity of the
 * site's application pool, whose built-in identities have fixed account names (an ApplicationPoolIdentity
 * pool is the virtual account "IIS AppPool\pool name"). This is the account a 401.3's ACL lacks.
 */
public final class AnonymousIdentity {
    private AnonymousIdentity() {
    }

    /**
     * The account name to grant, or "" when the case does not show it: a pool that runs as a SpecificUser
     * (its account name is never read), or a pool whose definition is not in the case.
     */
    public static String account(AnonymousUserConfig user, List<?> pools, String appPool) {
        String name = user.userName().strip();
        if (!name.isEmpty()) {
            return user.specificAccount() ? name : "IUSR";
        }
        for (Object o : pools) {
            if (o instanceof AppPoolDefinition p && p.name().equalsIgnoreCase(appPool)) {
                return poolAccount(p);
            }
        }
        return "";
    }

    /**
     * The account of the anonymous user in force among the levels that apply ({@link AnonymousUserConfig}): the most
     * specific level wins, then the first file; "" when no level in the case sets it or its account is not shown.
     */
    public static String inForce(List<?> users, List<?> pools, String appPool) {
        return users.stream().filter(AnonymousUserConfig.class::isInstance).map(AnonymousUserConfig.class::cast)
                .max(Comparator.comparingInt(AnonymousUserConfig::level)
                        .thenComparing(AnonymousUserConfig::source, Comparator.reverseOrder()))
                .map(u -> account(u, pools, appPool)).orElse("");
    }

    /** What the anonymous user setting says, for the explanation. */
    public static String setting(AnonymousUserConfig user) {
        String name = user.userName().strip();
        return name.isEmpty() ? "userName=\"\" (the application pool identity)" : "userName=\"" + name + "\"";
    }

    private static String poolAccount(AppPoolDefinition p) {
        return switch (p.identityType().strip().toLowerCase(Locale.ROOT)) {
            case "applicationpoolidentity" -> "IIS AppPool\\" + p.name();
            case "networkservice" -> "NETWORK SERVICE";
            case "localservice" -> "LOCAL SERVICE";
            case "localsystem" -> "SYSTEM";
            default -> "";
        };
    }
}
