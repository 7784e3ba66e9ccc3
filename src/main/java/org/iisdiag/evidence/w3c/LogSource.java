package org.iisdiag.evidence.w3c;

/**
 * A log file as the readers name it.
 *
 * @param displayName file name used in samples, e.g. "W3SVC1/u_ex250109.log"
 * @param siteHint    site label from the folder name ("W3SVC1") or ""; an s-sitename field wins
 * @param serverHint  server label from the folder name when the case holds several servers' logs, or "";
 *                    an s-computername field wins
 */
public record LogSource(String displayName, String siteHint, String serverHint) {
    public LogSource {
        siteHint = siteHint == null ? "" : siteHint;
        serverHint = serverHint == null ? "" : serverHint;
    }
}
