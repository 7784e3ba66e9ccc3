package org.iisdiag.facts;

import java.util.List;

/**
 * ASP.NET {@code system.web/compilation}: {@code debug} (default false; true disables the
 * executionTimeout and leaks detail) and {@code targetFramework} ("" when not written).
 */
public record CompilationConfig(boolean debug, String targetFramework, String configFile, String locationPath,
                                List<String> defaults, String source) implements ConfigFact {

    @Override
    public String describe() {
        return "compilation debug=" + debug + (targetFramework.isEmpty() ? "" : " targetFramework=" + targetFramework)
                + ConfigFact.location(locationPath) + ConfigFact.where(defaults, source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
