package org.iisdiag.facts;

import java.util.List;
import java.util.Locale;

/** "Hosting environment: Development" seen in an ASP.NET Core stdout log, per environment name. */
public record HostingEnvironment(String environment, long count, List<SampleLine> samples) implements LoggedEvent {

    public boolean development() {
        return environment.equalsIgnoreCase("Development");
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "%,d x ASP.NET Core hosting environment %s", count, environment);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
