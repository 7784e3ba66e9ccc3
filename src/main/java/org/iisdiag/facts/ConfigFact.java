package org.iisdiag.facts;

import java.util.List;

/**
 * A setting read from an IIS configuration file (web.config or applicationHost.config). {@code source}
 * is "file:line" of the element it came from; {@code defaults} says, one entry per value, what was not
 * written there and was assumed instead (an IIS schema default or a value inherited from
 * {@code siteDefaults}/{@code applicationPoolDefaults}). Secrets are never read into a fact.
 */
public interface ConfigFact extends SingleObservation {
    /** The configuration file, relative to the case folder. */
    String configFile();

    /**
     * What was assumed, e.g. "hostingModel=OutOfProcess (absent: the ANCM default)"; empty when all was written,
     * as for an element whose meaning is its presence alone.
     */
    default List<String> defaults() {
        return List.of();
    }

    /** "file:line" of the element. */
    String source();

    /** The {@code <location path>} the setting sits in ("Site/app"), or "" outside any location element. */
    default String locationPath() {
        return "";
    }

    @Override
    default List<SampleLine> samples() {
        return List.of();
    }

    /** The line of a fact's {@link #source} ("file:line"), or 0 when it names none. */
    static long line(ConfigFact c) {
        String s = c.source();
        int colon = s.lastIndexOf(':');
        try {
            return colon < 0 ? 0 : Long.parseLong(s.substring(colon + 1).strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** " [assumed: a; b] (file:line)" for describe(). */
    static String where(List<String> defaults, String source) {
        return (defaults.isEmpty() ? "" : " [assumed: " + String.join("; ", defaults) + "]") + " (" + source + ")";
    }

    /** " in <location path="x">", or "" for "" (outside any location element). */
    static String location(String locationPath) {
        return locationPath.isEmpty() ? "" : " in <location path=\"" + locationPath + "\">";
    }
}
