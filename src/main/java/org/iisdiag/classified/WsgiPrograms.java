package org.iisdiag.classified;

import java.util.Collection;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iisdiag.facts.HandlerMapping;
import org.iisdiag.facts.WsgiHandlerError;

/**
 * Which Python a wfastcgi site runs: the handler mapping whose scriptProcessor starts wfastcgi.py
 * ("C:\Python312\python.exe|C:\Python312\Lib\site-packages\wfastcgi.py"), or, without one in the case, the
 * interpreter whose site-packages hold the wfastcgi.py the traceback ran.
 */
public final class WsgiPrograms {
    private static final Pattern SITE_PACKAGES = Pattern.compile("(?i)^(.+?)[\\\\/]Lib[\\\\/]site-packages[\\\\/]wfastcgi\\.py$");

    private WsgiPrograms() {
    }

    /** The first FastCGI handler mapping that runs wfastcgi.py, or null. */
    public static HandlerMapping mapping(Collection<?> handlers) {
        for (Object o : handlers) {
            if (o instanceof HandlerMapping h && h.modules().matches("(?i).*\\bFastCgiModule\\b.*")
                    && h.scriptProcessor().toLowerCase(Locale.ROOT).contains("wfastcgi")) {
                return h;
            }
        }
        return null;
    }

    /** The python.exe the site runs: the mapping's program, else the one beside the traceback's site-packages, else "". */
    public static String interpreter(Collection<?> handlers, WsgiHandlerError error) {
        HandlerMapping h = mapping(handlers);
        if (h != null) {
            return FastCgiPrograms.executable(h.scriptProcessor());
        }
        Matcher m = SITE_PACKAGES.matcher(error.wfastcgiPath());
        return m.matches() ? m.group(1) + "\\python.exe" : "";
    }
}
