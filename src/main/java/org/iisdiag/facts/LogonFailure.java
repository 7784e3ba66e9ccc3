package org.iisdiag.facts;

import java.util.List;
import java.util.Locale;

/**
 * Security event 4625 ("An account failed to log on"), aggregated by what it says: the NTSTATUS
 * {@code ntStatus} and {@code subStatus} ("0xc000006d", "0x0"), the logon type (3 = network, as for IIS),
 * the authentication package (NTLM, Kerberos, Negotiate), the account, the workstation the client
 * claimed and the source address. {@code local} says the logon came from the machine that logged the
 * event: a loopback source address, or a workstation name equal to the computer's own name. Strings are
 * "" when the event does not say.
 */
public record LogonFailure(String ntStatus, String subStatus, int logonType, String authenticationPackage,
                           String account, String workstation, String sourceAddress, String computer,
                           boolean local, long count, EventTimes times, List<SampleLine> samples) implements LoggedEvent {

    /** Status 0xC000006D (STATUS_LOGON_FAILURE) with sub status 0x0: refused without a credential error. */
    public boolean logonFailureWithoutReason() {
        return ntStatus.equalsIgnoreCase("0xc000006d") && (subStatus.isEmpty() || subStatus.equalsIgnoreCase("0x0"));
    }

    /** The code that says why: the sub status when it carries one (0xC000006D's detail), else the status; lower case. */
    public String reason() {
        String code = subStatus.isEmpty() || subStatus.equalsIgnoreCase("0x0") ? ntStatus : subStatus;
        return code.toLowerCase(Locale.ROOT);
    }

    /**
     * What a {@link #reason} says about the account itself, in words (wrong password, locked out, disabled ...),
     * or "" for a reason that is not about the account's state.
     */
    public static String accountCause(String reason) {
        return switch (reason.toLowerCase(Locale.ROOT)) {
            case "0xc000006a" -> "the password IIS holds for it is wrong: it was changed in the directory (a rotation,"
                    + " an expiry reset) but not in IIS";
            case "0xc0000064" -> "the account does not exist any more (deleted or renamed)";
            case "0xc0000234" -> "the account is locked out, typically after many logons with a stale password";
            case "0xc0000072" -> "the account is disabled";
            case "0xc0000071", "0xc0000224" -> "its password has expired or must be changed";
            case "0xc0000193" -> "the account has expired";
            case "0xc000006f", "0xc0000070" -> "the account may not log on at this time or from this server";
            case "0xc000015b" -> "the account lacks the logon right its logonMethod needs on this server (for ClearText"
                    + " or Network: Access this computer from the network), or a Deny right names it";
            default -> "";
        };
    }

    public boolean ntlm() {
        return authenticationPackage.toUpperCase(Locale.ROOT).contains("NTLM");
    }

    @Override
    public String describe() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%,d x Security 4625 logon failure", count));
        b.append(" (status ").append(ntStatus.isEmpty() ? "?" : ntStatus);
        if (!subStatus.isEmpty()) {
            b.append(", sub status ").append(subStatus);
        }
        if (logonType > 0) {
            b.append(", logon type ").append(logonType);
        }
        if (!authenticationPackage.isEmpty()) {
            b.append(", ").append(authenticationPackage);
        }
        b.append(')');
        if (!account.isEmpty()) {
            b.append(" for ").append(account);
        }
        if (!workstation.isEmpty() || !sourceAddress.isEmpty()) {
            b.append(" from ").append(workstation.isEmpty() ? "" : workstation)
                    .append(sourceAddress.isEmpty() ? "" : (workstation.isEmpty() ? "" : " ") + sourceAddress);
        }
        if (local) {
            b.append(", the server itself");
        }
        String t = times.describe();
        return t.isEmpty() ? b.toString() : b.append(", ").append(t).toString();
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
