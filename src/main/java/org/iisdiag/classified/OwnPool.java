package org.iisdiag.classified;

import org.iisdiag.conclusions.Target;

/** A name for the application pool of its own that an application is moved into. */
public final class OwnPool {
    private OwnPool() {
    }

    /**
     * A pool name for the target's application: its last path segment ("/hooks" gives "HooksPool"), the site's
     * name for a site's root ("Timesheets" gives "TimesheetsPool", spaces dropped); "" when neither gives one.
     */
    public static String nameFor(Target t) {
        String app = t.app();
        String base = app.isEmpty() || "/".equals(app) ? t.siteName().replace(" ", "") : app.substring(app.lastIndexOf('/') + 1);
        if (!base.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,40}")) {
            return "";
        }
        return Character.toUpperCase(base.charAt(0)) + base.substring(1) + "Pool";
    }
}
