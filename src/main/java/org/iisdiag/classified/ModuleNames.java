package org.iisdiag.classified;

import java.util.Locale;

/** What a missing native module means: the ASP.NET Core Module comes with the Hosting Bundle, others with their installers. */
public final class ModuleNames {
    private ModuleNames() {
    }

    /** The diagnosis of a missing module: "ancm-not-installed" for AspNetCoreModule(V2), else "native-module-not-installed". */
    public static String diagnosisFor(String module) {
        return module != null && module.toLowerCase(Locale.ROOT).startsWith("aspnetcoremodule")
                ? "ancm-not-installed" : "native-module-not-installed";
    }
}
