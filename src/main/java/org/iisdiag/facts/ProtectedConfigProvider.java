package org.iisdiag.facts;

import java.util.List;

/**
 * A protected-configuration provider a configuration file declares ({@code configProtectedData/providers/add}):
 * the {@code name} a section's {@code configProtectionProvider} refers to and, for an RSA provider, the key
 * container ({@code keyContainerName}, "" when the provider does not set one) that holds its key pair, in the
 * machine store unless {@code useMachineContainer="false"}.
 */
public record ProtectedConfigProvider(String name, String keyContainerName, boolean machineContainer, String configFile,
                                      String locationPath, List<String> defaults, String source) implements ConfigFact {

    @Override
    public String describe() {
        return "protected-configuration provider " + name
                + (keyContainerName.isEmpty() ? "" : ", key container " + keyContainerName
                        + (machineContainer ? " (machine store)" : " (user store)"))
                + ConfigFact.where(defaults, source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
