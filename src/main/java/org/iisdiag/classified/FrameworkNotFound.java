package org.iisdiag.classified;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the .NET host (hostfxr) says when the shared framework an app targets is missing, as the ASP.NET Core
 * Module quotes it in its events and stdout log: "The framework 'Microsoft.AspNetCore.App', version '8.0.0'
 * (x64) was not found." (or "The specified framework ..."; since .NET 6 "Framework: 'Microsoft.AspNetCore.App',
 * version '8.0.0' (x64)" under "You must install or update .NET"). The name and version are what to install.
 */
public final class FrameworkNotFound {
    private static final Pattern FRAMEWORK = Pattern.compile(
            "(?:The (?:specified )?framework|Framework:) '([^'\\r\\n]{1,100})', version '([^'\\r\\n]{1,60})'");

    private FrameworkNotFound() {
    }

    /** "Microsoft.AspNetCore.App 8.0.0", or "" when the text names no missing framework. */
    public static String named(String text) {
        Matcher m = text == null ? null : FRAMEWORK.matcher(text);
        return m != null && m.find() ? m.group(1).strip() + " " + m.group(2).strip() : "";
    }

    /** The missing framework's version ("8.0.0"), or "" when the text names none. */
    public static String version(String text) {
        Matcher m = text == null ? null : FRAMEWORK.matcher(text);
        return m != null && m.find() ? m.group(2).strip() : "";
    }
}
