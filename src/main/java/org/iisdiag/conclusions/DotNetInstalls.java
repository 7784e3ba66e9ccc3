package org.iisdiag.conclusions;

import java.time.Instant;
import java.util.Collection;
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

    /** "08:48:05 UTC 2026-11-24: Product: Microsoft .NET 8.0.11 - Windows Server Hosting ..." for the report. */
    public static String installText(Collection<?> events, Collection<?> changes) {
        List<Object> installs = new java.util.ArrayList<>(events);
        installs.addAll(changes);
        Instant last = null;
        String what = "";
        for (Object o : installs) {
            if (o instanceof OtherEvent e) {
                Instant t = e.times().lastUtc();
                if (last == null || t != null && t.isAfter(last)) {
                    last = t;
                }
                if (what.isEmpty()) {
                    what = "Windows Installer event " + e.eventId() + " (" + e.provider() + ")";
                }
            } else if (o instanceof ServerChange c) {
                if (last == null || c.when() != null && c.when().isAfter(last)) {
                    last = c.when();
                }
                what = "the recorded change: " + c.description();
            }
        }
        return (last == null ? "" : "last at " + last + ", ") + what;
    }
}
