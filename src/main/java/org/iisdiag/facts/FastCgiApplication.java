package org.iisdiag.facts;

import java.util.List;

/**
 * One {@code system.webServer/fastCgi/application} of applicationHost.config: the process pool IIS's FastCGI
 * module keeps for a program ({@code fullPath}) and its {@code arguments}, the pair a FastCGI handler
 * mapping's scriptProcessor names as "fullPath|arguments". The limits are IIS's, in seconds:
 * {@code activityTimeout} (no output from the process for that long, default 30) and {@code requestTimeout}
 * (the whole request, default 90); either one ends the request with 500.0 and 0x80070102.
 */
public record FastCgiApplication(String fullPath, String arguments, long activityTimeout, long requestTimeout,
                                 String configFile, List<String> defaults, String source) implements ConfigFact {

    public static final long DEFAULT_ACTIVITY_TIMEOUT = 30;
    public static final long DEFAULT_REQUEST_TIMEOUT = 90;

    public FastCgiApplication {
        defaults = List.copyOf(defaults);
    }

    /** The scriptProcessor a handler mapping writes to run this application: "fullPath" or "fullPath|arguments". */
    public String scriptProcessor() {
        return arguments.isEmpty() ? fullPath : fullPath + "|" + arguments;
    }

    /** Whether a handler mapping's scriptProcessor runs this application (paths compare without case, as Windows does). */
    public boolean servedBy(String processor) {
        String[] parts = processor.split("\\|", 2);
        String args = parts.length > 1 ? parts[1].strip() : "";
        return parts[0].strip().equalsIgnoreCase(fullPath) && args.equalsIgnoreCase(arguments);
    }

    /** Whether a limit of this application was left at IIS's default (not written in the configuration). */
    public boolean defaulted(String limit) {
        return defaults.stream().anyMatch(d -> d.startsWith(limit + "="));
    }

    @Override
    public String describe() {
        return "fastCgi application fullPath=\"" + fullPath + "\"" + (arguments.isEmpty() ? "" : " arguments=\"" + arguments + "\"")
                + " activityTimeout=" + activityTimeout + " requestTimeout=" + requestTimeout
                + ConfigFact.where(defaults, source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
