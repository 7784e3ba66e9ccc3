package org.iisdiag.facts;

import java.util.List;

/**
 * {@code system.web/machineKey}, as far as it can be read without its secrets: whether the validation and
 * decryption keys are generated on each server ("AutoGenerate", the default, with or without IsolateApps) or
 * written out. The key values themselves are never kept.
 */
public record MachineKeyConfig(boolean validationKeyGenerated, boolean decryptionKeyGenerated, String validation,
                               String configFile, String locationPath, List<String> defaults, String source)
        implements ConfigFact {

    /** Whether either key is generated on each server: then the servers of a farm do not share it. */
    public boolean generated() {
        return validationKeyGenerated || decryptionKeyGenerated;
    }

    @Override
    public String describe() {
        return "machineKey validationKey " + (validationKeyGenerated ? "AutoGenerate" : "written out (value not read)")
                + ", decryptionKey " + (decryptionKeyGenerated ? "AutoGenerate" : "written out (value not read)")
                + ", validation " + validation + ConfigFact.location(locationPath) + ConfigFact.where(defaults, source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
