package org.iisdiag.evidence;

import java.util.regex.Pattern;

/**
 * What the .NET host (dotnet / hostfxr) writes when it cannot start an app, as both the ASP.NET Core
 * Module's stdout log and its events (which capture the same output) carry it. One place, so that the
 * two readers recognise the same words.
 */
public final class DotNetHostMessages {
    /** A framework that is not installed: groups 1 name, 2 version, 3 architecture (may be null). */
    public static final Pattern FRAMEWORK_NOT_FOUND = Pattern.compile(
            "The (?:specified )?framework '([^'\\r\\n]{1,200})', version '([^'\\r\\n]{1,100})'(?: \\(([^)\\r\\n]{1,100})\\))?"
            + " was not found");

    /** The app named on the command line is missing: group 1 (current hosts) or 2 (older: "The application '...' does not exist."). */
    public static final Pattern APP_NOT_FOUND = Pattern.compile(
            "The application (?:to execute does not exist: '([^'\\r\\n]{1,1024})'|'([^'\\r\\n]{1,1024})' does not exist)");

    /**
     * An assembly the app's deps.json lists is not on disk: "An assembly specified in the application dependencies
     * manifest (App.deps.json) was not found:", then (on the next lines, when the text has them) the package and
     * the path.
     */
    public static final Pattern DEPS_ASSEMBLY_MISSING = Pattern.compile(
            "An assembly specified in the application dependencies manifest \\([^)\\r\\n]{1,260}\\) was not found:?"
            + "(?:\\s{0,40}package: '[^'\\r\\n]{1,200}', version: '[^'\\r\\n]{1,100}')?(?:\\s{0,40}path: '[^'\\r\\n]{1,300}')?");

    private DotNetHostMessages() {
    }
}
