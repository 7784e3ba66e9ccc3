package org.iisdiag.facts;

import java.util.List;

/**
 * One Failed Request Tracing rule ({@code system.webServer/tracing/traceFailedRequests/add}): the
 * {@code path} it covers, its failure definitions ({@code statusCodes} as written, e.g. "400-599";
 * {@code timeTaken} (default 00:00:00 = off); event {@code verbosity} (default Ignore)) and what it
 * traces. Rules are listed as written in each file; {@code <remove>}/{@code <clear>} inheritance is not
 * resolved.
 */
public record FailedRequestTracingRule(String path, String statusCodes, String timeTaken, String verbosity,
                                       List<TraceArea> traceAreas, String configFile, String locationPath,
                                       List<String> defaults, String source) implements ConfigFact {

    /** One {@code traceAreas/add}: a provider (WWW Server, ASPNET, ASP, ISAPI Extension), its areas and verbosity. */
    public record TraceArea(String provider, String areas, String verbosity) {
        @Override
        public String toString() {
            return provider + (areas.isEmpty() ? "" : " [" + areas + "]") + " " + verbosity;
        }

        @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
        @Override public int hashCode() { return RecordEquality.hash(this); }
    }

    @Override
    public String describe() {
        StringBuilder b = new StringBuilder("Failed Request Tracing rule path=").append(path);
        if (!statusCodes.isEmpty()) {
            b.append(" statusCodes=").append(statusCodes);
        }
        if (!timeTaken.equals("00:00:00")) {
            b.append(" timeTaken=").append(timeTaken);
        }
        if (!verbosity.equalsIgnoreCase("Ignore")) {
            b.append(" verbosity=").append(verbosity);
        }
        if (!traceAreas.isEmpty()) {
            b.append(", tracing ").append(String.join(", ", traceAreas.stream().map(TraceArea::toString).toList()));
        }
        return b.append(ConfigFact.location(locationPath)).append(ConfigFact.where(defaults, source)).toString();
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
