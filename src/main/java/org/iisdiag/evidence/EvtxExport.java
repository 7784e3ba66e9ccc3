package org.iisdiag.evidence;

/**
 * What to do with a binary event log file (.evtx) found in a case: it is not read, but the events in it
 * are, once exported. The hint names the file, quoted for PowerShell, in a command that writes the XML
 * the event reader takes.
 */
public final class EvtxExport {
    private EvtxExport() {
    }

    /** The note for the file at {@code name} (a path inside the case). */
    public static String hint(String name) {
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String stem = base.toLowerCase(java.util.Locale.ROOT).endsWith(".evtx") ? base.substring(0, base.length() - 5) : base;
        return "a binary event log: export its events as XML and add that file to the case, on Windows: "
                + "wevtutil qe " + ShellQuote.powershell(base) + " /lf:true /f:RenderedXml | Out-File -Encoding utf8 "
                + ShellQuote.powershell(stem + ".xml")
                + " (or Get-WinEvent -Path " + ShellQuote.powershell(".\\" + base) + " | Export-Csv)";
    }
}
