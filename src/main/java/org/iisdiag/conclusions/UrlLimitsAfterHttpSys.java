package org.iisdiag.conclusions;

import java.util.List;
import java.util.Locale;

import org.iisdiag.facts.RequestLimitsConfig;

/**
 * What IIS request filtering would do with a URL once HTTP.sys lets it through: its maxUrl and maxQueryString
 * are checked after HTTP.sys's own limits, so a case whose configuration already allows the URL shows that
 * raising them was no fix, and one whose configuration does not shows the next refusal (404.14, 404.15).
 */
public final class UrlLimitsAfterHttpSys {
    private UrlLimitsAfterHttpSys() {
    }

    /** A sentence on the request-filtering limits among {@code limits} against a URL of {@code urlLength} characters, "" without any. */
    public static String sentence(List<?> limits, int urlLength) {
        RequestLimitsConfig lowest = null;
        for (Object o : limits) {
            RequestLimitsConfig r = (RequestLimitsConfig) o;
            if (lowest == null || Math.min(r.maxUrl(), r.maxQueryString()) < Math.min(lowest.maxUrl(), lowest.maxQueryString())) {
                lowest = r;
            }
        }
        if (lowest == null) {
            return "";
        }
        String values = String.format(Locale.ROOT, "maxUrl %,d and maxQueryString %,d in %s", lowest.maxUrl(),
                lowest.maxQueryString(), lowest.configFile());
        return lowest.maxUrl() >= urlLength && lowest.maxQueryString() >= urlLength
                ? "Request filtering already allows such URLs (" + values + "): IIS checks them only after HTTP.sys, so raising them changed nothing."
                : "Request filtering would refuse them next (" + values + ": 404.14 or 404.15) once HTTP.sys lets them through.";
    }
}
