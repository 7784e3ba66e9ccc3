package org.iisdiag.facts;

import java.util.List;

/**
 * IIS Shared Configuration as redirection.config declares it ({@code <configurationRedirection>}): whether it is
 * {@code enabled}, the folder ({@code path}, usually a UNC share) the server reads applicationHost.config from,
 * and the {@code userName} it connects as ("" when it uses its own identity). The password is never read.
 */
public record SharedConfigRedirection(boolean enabled, String path, String userName, String configFile,
                                      List<String> defaults, String source) implements ConfigFact {

    @Override
    public String describe() {
        return "shared configuration " + (enabled ? "enabled" : "disabled") + " from " + (path.isEmpty() ? "(no path)" : path)
                + (userName.isEmpty() ? "" : " as " + userName) + ConfigFact.where(defaults, source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
