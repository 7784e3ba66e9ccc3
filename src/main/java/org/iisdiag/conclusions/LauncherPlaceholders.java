package org.iisdiag.conclusions;

import java.util.Locale;

/**
 * Visual Studio's launcher placeholders in an ASP.NET Core web.config: the project's own web.config may say
 * {@code processPath="%LAUNCHER_PATH%" arguments="%LAUNCHER_ARGS%"}; Visual Studio fills them in for IIS Express
 * and publish writes the real command (dotnet and the app's dll, or the app's exe). No server defines them, so
 * a web.config that still holds them on a server was copied from the project, not from the publish output.
 */
public final class LauncherPlaceholders {

    private LauncherPlaceholders() {
    }

    /** Whether any of the texts (processPath, arguments, a module event's command line) holds a placeholder. */
    public static boolean in(String... texts) {
        for (String t : texts) {
            if (t != null) {
                String u = t.toUpperCase(Locale.ROOT);
                if (u.contains("%LAUNCHER_PATH%") || u.contains("%LAUNCHER_ARGS%")) {
                    return true;
                }
            }
        }
        return false;
    }
}
