package org.iisdiag.facts;

import java.util.List;

/**
 * The request paths ({@code mapped}) the handler mappings of one {@code system.webServer/handlers} section map ("*.aspx",
 * "*.svc", "*"), whatever runs them: managed handlers, modules and programs alike, in document order.
 * {@code cleared} is whether the section starts from an empty list ({@code <clear/>}). {@code level} orders
 * the levels as IIS merges them: applicationHost.config itself (0), its {@code <location>}s (1 and one more
 * per path segment), then web.config files (100 and up). On applicationHost.config's own level it is the
 * server's list: the features installed (ASP.NET, WCF HTTP activation, PHP ...) register their mappings
 * there, so an extension no feature registered has no path here.
 */
public record HandlerPaths(List<String> mapped, boolean cleared, int level, String configFile, String locationPath,
                           String source) implements ConfigFact {

    /** Whether a mapping's path is exactly {@code "*" + extension} (".svc" -> "*.svc"), case-insensitively. */
    public boolean maps(String extension) {
        String wanted = "*" + extension;
        return mapped.stream().anyMatch(p -> p.equalsIgnoreCase(wanted));
    }

    /** Whether this is the server's own list: applicationHost.config outside any {@code <location>}. */
    public boolean serverLevel() {
        return level == 0;
    }

    @Override
    public List<String> defaults() {
        return List.of();
    }

    @Override
    public String describe() {
        return "handlers: " + mapped.size() + " mappings" + (cleared ? " after <clear/>" : "")
                + (mapped.isEmpty() ? "" : " (" + String.join(", ", new java.util.TreeSet<>(mapped)) + ")")
                + ConfigFact.location(locationPath) + ConfigFact.where(List.of(), source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
