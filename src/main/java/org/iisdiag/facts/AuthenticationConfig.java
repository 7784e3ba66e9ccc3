package org.iisdiag.facts;

import java.util.List;

/**
 * One method of {@code system.webServer/security/authentication} at one level ({@code <location>} or
 * the file itself): {@code <windowsAuthentication enabled="true"/>}. {@code method} is the element's
 * name (anonymousAuthentication, windowsAuthentication, basicAuthentication ...); {@code module} the
 * native module that implements it, which applicationHost.config's globalModules must list (it is there
 * only once the role service is installed), or "" for a method this reader does not know. {@code level}
 * orders the levels as IIS merges them: applicationHost.config itself (0), its {@code <location>}s (1 and
 * one more per path segment), then web.config files (100 and up); a higher level overrides a lower one.
 */
public record AuthenticationConfig(String method, boolean enabled, String module, int level, String configFile,
                                   String locationPath, List<String> defaults, String source) implements ConfigFact {
    @Override
    public String describe() {
        return "<" + method + " enabled=\"" + enabled + "\">" + (module.isEmpty() ? "" : " (native module " + module + ")")
                + ConfigFact.location(locationPath) + ConfigFact.where(defaults, source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
