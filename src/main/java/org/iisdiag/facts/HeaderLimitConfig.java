package org.iisdiag.facts;

import java.util.List;
import java.util.Locale;

/**
 * One entry of request filtering's {@code requestLimits/headerLimits} ({@code <add header="X-Name" sizeLimit="4096"/>}):
 * request filtering refuses a request whose value of that header is longer than {@code sizeLimit} bytes, with
 * 404.10 (431 on newer builds). Entries removed by a later {@code <remove>} or {@code <clear/>} of the same
 * element are not facts. A size that cannot be read is -1.
 */
public record HeaderLimitConfig(String header, long sizeLimit, String configFile, String locationPath,
                                List<String> defaults, String source) implements ConfigFact {

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "requestFiltering headerLimits %s sizeLimit=%d", header, sizeLimit)
                + ConfigFact.location(locationPath) + ConfigFact.where(defaults, source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
