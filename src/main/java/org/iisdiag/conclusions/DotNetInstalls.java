package org.iisdiag.conclusions;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.iisdiag.facts.OtherEvent;
import org.iisdiag.facts.SampleLine;
import org.iisdiag.facts.ServerChange;

/**
 * Installs of the .NET runtime or the .NET Hosting Bundle that the case records before an ASP.NET Core app
 * failed to start: Windows Installer's events in the Application log (MsiInstaller 11707 "Product: ... --
 * Installation completed successfully", 1033 "Windows Installer installed the product", 1022 updates) naming
 * the .NET Runtime or "Windows Server Hosting", or an env.yaml change of kind install that names them. The
 * installer adds {@code C:\Program Files\dotnet\} to the machine PATH; a service started before that (WAS,
 * and the worker processes it creates) keeps the PATH it started with until it is restarted.
 */
public final class DotNetInstalls {

    private DotNetInstalls() {
    }

    private static final Pattern DOTNET = Pattern.compile(
            "(?i)(windows server hosting|hosting bundle|dotnet-hosting|\\.net( core)? runtime|dotnet-runtime)");

    /** Whether one of the kept lines names a .NET runtime or Hosting Bundle product. */
    public static boolean namesDotNet(List<SampleLine> samples) {
        return samples.stream().anyMatch(s -> namesDotNet(s.text()));
    }

    /** Whether the text (an env.yaml change's description) names the .NET runtime or the Hosting Bundle. */
    public static boolean namesDotNet(String text) {
        return text != null && DOTNET.matcher(text).find();
    }

    /** Whether {@code t} is at or before {@code failure}; an install that cannot be placed in time counts. */
    public static boolean notAfter(Instant t, Instant failure) {
        return t == null || failure == null || !t.isAfter(failure);
    }

    /** Whether processPath leaves the executable to the PATH: "dotnet" or "dotnet.exe" without a folder. */
    public static boolean fromPath(String processPath) {
        String p = processPath == null ? "" : processPath.strip().replace("\"", "").toLowerCase(Locale.ROOT);
        return p.equals("dotnet") || p.equals("dotnet.exe");
    }

    /**
     * The latest of the installs, for the report: "last at 2026-11-24T08:48:05Z, Windows Installer event 11707
     * (MsiInstaller)" or "last at ..., the recorded change: ..."; without "last at" when it cannot be placed in time.
     */
    public static String installText(List<OtherEvent> events, List<ServerChange> changes) {
        Instant last = null;
        String what = "";
        for (OtherEvent e : events) {
            if (what.isEmpty() || later(e.times().lastUtc(), last)) {
                last = e.times().lastUtc();
                what = "Windows Installer event " + e.eventId() + " (" + e.provider() + ")";
            }
        }
        for (ServerChange c : changes) {
            if (what.isEmpty() || later(c.when(), last)) {
                last = c.when();
                what = "the recorded change: " + c.description();
            }
        }
        return (last == null ? "" : "last at " + last + ", ") + what;
    }

    private static boolean later(Instant t, Instant than) {
        return t != null && (than == null || t.isAfter(than));
    }
}
