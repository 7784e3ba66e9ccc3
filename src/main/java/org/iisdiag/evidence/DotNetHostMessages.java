package org.iisdiag.evidence;

import java.util.regex.Pattern;

/**
 * What the .NET host (dotnet / hostfxr), and Kestrel in the started app, write when an app cannot start, as both
 * the ASP.NET Core Module's stdout log and its events (which capture the same output) carry it. One place, so
 * that the two readers recognise the same words.
 */
public final class DotNetHostMessages {
    /**
     * A framework that is not installed: groups 1 name, 2 version, 3 architecture (may be null). Older hosts say
     * "The framework 'X', version 'Y' (x64) was not found."; .NET 6 and later print "You must install or update
     * .NET to run this application." with the framework on a line of its own: "Framework: 'X', version 'Y' (x64)".
     */
    public static final Pattern FRAMEWORK_NOT_FOUND = Pattern.compile(
            "(?:The (?:specified )?framework (?=[^\\r\\n]{1,400} was not found)|(?<![^\\r\\n])[ \\t]{0,20}Framework: )"
            + "'([^'\\r\\n]{1,200})', version '([^'\\r\\n]{1,100})'(?: \\(([^)\\r\\n]{1,100})\\))?(?: was not found)?");

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

    /**
     * Kestrel could not listen on the address it was given (out of process: the loopback port the module assigned):
     * "Failed to bind to address http://127.0.0.1:50317." and, when the text has it within a few lines, the socket
     * error under it ("SocketException (10013): An attempt was made to access a socket in a way forbidden by its access
     * permissions", or libuv's "EACCES permission denied" / "EADDRINUSE address already in use").
     */
    public static final Pattern KESTREL_BIND_FAILED = Pattern.compile(
            "Failed to bind to address [^\\s]{1,300}(?:[\\s\\S]{0,400}?(?:SocketException \\(\\d{1,6}\\): [^\\r\\n]{1,200}"
            + "|Error -?\\d{1,6} E[A-Z]{2,20} [^\\r\\n)]{1,100}))?");

    /**
     * Kestrel was given an address (out of process: the module's loopback port, through ASPNETCORE_PORT) and ignored
     * it for endpoints the app configures itself: "Overriding address(es) 'http://127.0.0.1:29417/'. Binding to
     * endpoints defined via IConfiguration and/or UseKestrel() instead." (the "Kestrel" configuration section,
     * Listen/ListenAnyIP calls). The module then waits for a port nobody listens on.
     */
    public static final Pattern KESTREL_OVERRIDES_ADDRESSES = Pattern.compile(
            "Overriding address\\(es\\) '[^'\\r\\n]{1,300}'\\. Binding to endpoints defined (?:via|in) [^\\r\\n]{1,80}? instead\\.?");

    private DotNetHostMessages() {
    }
}
