package org.iisdiag.facts;

import java.util.List;

/**
 * An application pool of applicationHost.config, with {@code applicationPoolDefaults} and the IIS
 * defaults applied to what it does not set (identityType ApplicationPoolIdentity,
 * managedRuntimeVersion v4.0, managedPipelineMode Integrated, enable32BitAppOnWin64 false, queueLength
 * 1000, rapidFailProtection true, startMode OnDemand, autoStart true). {@code userNameSet} says whether
 * a SpecificUser account name is configured; the account name and password are never read.
 * managedRuntimeVersion "" means No Managed Code. A number that cannot be read is -1.
 * {@code disallowOverlappingRotation} is {@code recycling/@disallowOverlappingRotation} (default false: at a
 * recycle WAS starts the new worker while the old one drains; true: the old one stops first).
 * {@code loadUserProfile} is {@code processModel/@loadUserProfile} as written on the pool, else in
 * {@code applicationPoolDefaults}; UNKNOWN when neither sets it (the schema default is false, but IIS 7.5+ setup
 * writes true into applicationPoolDefaults, so an excerpt without them does not say which applies). Without
 * the profile, CryptoAPI and DPAPI have no user key store for the pool identity.
 */
public record AppPoolDefinition(String name, String identityType, boolean userNameSet, String managedRuntimeVersion,
                                String managedPipelineMode, boolean enable32BitAppOnWin64, long queueLength,
                                boolean rapidFailProtection, String startMode, boolean autoStart,
                                boolean disallowOverlappingRotation, Tristate loadUserProfile, String configFile,
                                List<String> defaults, String source) implements ConfigFact {

    /** Without a known loadUserProfile. */
    public AppPoolDefinition(String name, String identityType, boolean userNameSet, String managedRuntimeVersion,
                             String managedPipelineMode, boolean enable32BitAppOnWin64, long queueLength,
                             boolean rapidFailProtection, String startMode, boolean autoStart,
                             boolean disallowOverlappingRotation, String configFile, List<String> defaults, String source) {
        this(name, identityType, userNameSet, managedRuntimeVersion, managedPipelineMode, enable32BitAppOnWin64,
                queueLength, rapidFailProtection, startMode, autoStart, disallowOverlappingRotation, Tristate.UNKNOWN,
                configFile, defaults, source);
    }

    /** With overlapped recycling (the IIS default). */
    public AppPoolDefinition(String name, String identityType, boolean userNameSet, String managedRuntimeVersion,
                             String managedPipelineMode, boolean enable32BitAppOnWin64, long queueLength,
                             boolean rapidFailProtection, String startMode, boolean autoStart, String configFile,
                             List<String> defaults, String source) {
        this(name, identityType, userNameSet, managedRuntimeVersion, managedPipelineMode, enable32BitAppOnWin64,
                queueLength, rapidFailProtection, startMode, autoStart, false, configFile, defaults, source);
    }

    public boolean noManagedCode() {
        return managedRuntimeVersion.isEmpty();
    }

    @Override
    public String describe() {
        return "application pool " + name + ": identity " + identityType + (userNameSet ? " (account set)" : "")
                + ", runtime " + (noManagedCode() ? "No Managed Code" : managedRuntimeVersion) + " " + managedPipelineMode
                + ", 32-bit " + enable32BitAppOnWin64 + ", queueLength " + queueLength + ", rapidFailProtection "
                + rapidFailProtection + ", startMode " + startMode + ", autoStart " + autoStart
                + (disallowOverlappingRotation ? ", disallowOverlappingRotation true" : "")
                + (loadUserProfile == Tristate.UNKNOWN ? "" : ", loadUserProfile " + (loadUserProfile == Tristate.YES))
                + ConfigFact.where(defaults, source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
