package org.iisdiag.classified;

import java.util.Locale;

/** What a missing native module means: the ASP.NET Core Module comes with the Hosting Bundle, others with their installers. */
public final class ModuleNames {
    private ModuleNames() {
    }

    /**
     * Whether the module is the ASP.NET Core Module (AspNetCoreModule, AspNetCoreModuleV2). The rule names
     * the diagnosis for each case itself, so that the ids are checked when the rules load.
     */
    public static boolean isAspNetCoreModule(String module) {
        return module != null && module.toLowerCase(Locale.ROOT).startsWith("aspnetcoremodule");
    }
}
