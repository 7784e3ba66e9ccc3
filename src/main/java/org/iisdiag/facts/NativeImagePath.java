package org.iisdiag.facts;

import java.util.Locale;

/**
 * Where a native DLL lives, as an event (a crash's module path) or a configuration entry (a global module's
 * {@code image}) writes it: whether Windows, IIS or the .NET runtime shipped it, or the application or a vendor
 * did. The environment variables IIS writes in applicationHost.config (%windir%, %SystemRoot%, %ProgramFiles%,
 * %SystemDrive%) are expanded to their usual values first.
 */
public final class NativeImagePath {

    private NativeImagePath() {
    }

    /** The path lower case, with backslashes and the usual environment variables expanded. */
    static String normalized(String path) {
        return path.strip().replace('/', '\\').toLowerCase(Locale.ROOT)
                .replace("%windir%", "c:\\windows").replace("%systemroot%", "c:\\windows")
                .replace("%programfiles%", "c:\\program files").replace("%systemdrive%", "c:");
    }

    /**
     * Whether the path is a full path outside the Windows folder (where Windows, IIS and the .NET Framework
     * live) and outside Program Files\dotnet (the .NET runtime).
     */
    public static boolean outsideWindows(String path) {
        String p = normalized(path);
        return p.matches("[a-z]:\\\\.+") && !p.matches("[a-z]:\\\\windows\\\\.*")
                && !p.matches("[a-z]:\\\\program files(?: \\(x86\\))?\\\\dotnet\\\\.*");
    }

    /**
     * Whether the path is a vendor's or the application's: outside Windows and the .NET runtime, and outside
     * Program Files\IIS, where Microsoft's IIS extensions (Application Request Routing, the ASP.NET Core Module)
     * install.
     */
    public static boolean fromVendor(String path) {
        return outsideWindows(path) && !normalized(path).matches("[a-z]:\\\\program files(?: \\(x86\\))?\\\\iis\\\\.*");
    }
}
