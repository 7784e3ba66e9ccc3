package org.iisdiag.facts;

import java.util.List;

/**
 * A WCF endpoint of {@code system.serviceModel} on an HTTP binding and the binding configuration it
 * runs with: {@code bindingType} (basicHttpBinding, wsHttpBinding, webHttpBinding, customBinding ...),
 * {@code bindingName} (the {@code bindingConfiguration} it names, "" for the type's default binding),
 * {@code maxReceivedMessageSize} in bytes, the largest message the service accepts before WCF answers
 * 413 (65,536 when not written, WCF's default; -1 when unreadable), {@code transferMode} (Buffered when
 * not written) and the endpoint's {@code contract} ("" for the default endpoints WCF adds when the
 * file declares no service). {@code source} is the binding element, or the endpoint when the binding
 * has no element of its own.
 */
public record WcfBindingConfig(String bindingType, String bindingName, long maxReceivedMessageSize, String transferMode,
                               String contract, String configFile, String locationPath, List<String> defaults,
                               String source) implements ConfigFact {
    public static final long DEFAULT_MAX_RECEIVED_MESSAGE_SIZE = 65536;

    /** Whether the quota is WCF's default (not written on the binding). */
    public boolean defaultQuota() {
        return defaults.stream().anyMatch(d -> d.startsWith("maxReceivedMessageSize="));
    }

    /** "basicHttpBinding "IntakeHttps"", or "basicHttpBinding (its default binding)". */
    public String label() {
        return bindingType + (bindingName.isEmpty() ? " (its default binding)" : " \"" + bindingName + "\"");
    }

    @Override
    public String describe() {
        return "WCF endpoint" + (contract.isEmpty() ? "" : " " + contract) + " on " + label()
                + ": maxReceivedMessageSize=" + maxReceivedMessageSize + " transferMode=" + transferMode
                + ConfigFact.location(locationPath) + ConfigFact.where(defaults, source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
