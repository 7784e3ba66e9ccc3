package org.iisdiag.facts;

/**
 * The memory limits at which WAS recycles the workers of an application pool, from applicationHost.config
 * {@code recycling/periodicRestart}: {@code privateMemory} (private bytes, WAS 5117) and {@code memory}
 * (virtual bytes, WAS 5077), both in KB, read from the pool, else from {@code applicationPoolDefaults}; 0 is
 * the IIS default, no limit. One fact per pool that sets at least one of them.
 */
public record PoolMemoryLimit(String appPool, long privateMemoryKb, long virtualMemoryKb, String configFile,
                              String source) implements ConfigFact {

    /** The private bytes limit, "1,572,864 KB (1.5 GB)", or "" without one. */
    public String privateMemoryText() {
        return text(privateMemoryKb);
    }

    /** The virtual bytes limit, same form, or "" without one. */
    public String virtualMemoryText() {
        return text(virtualMemoryKb);
    }

    private static String text(long kb) {
        if (kb <= 0) {
            return "";
        }
        double gb = kb / (1024.0 * 1024.0);
        String size = gb >= 1 ? String.format(java.util.Locale.ROOT, "%.1f GB", gb)
                : String.format(java.util.Locale.ROOT, "%d MB", kb / 1024);
        return String.format(java.util.Locale.ROOT, "%,d KB (%s)", kb, size);
    }

    @Override
    public String describe() {
        return "application pool " + appPool + " recycles at"
                + (privateMemoryKb > 0 ? " privateMemory " + privateMemoryText() : "")
                + (virtualMemoryKb > 0 ? " memory (virtual) " + virtualMemoryText() : "") + " (" + source + ")";
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
