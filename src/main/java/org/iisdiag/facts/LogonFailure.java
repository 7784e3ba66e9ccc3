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
