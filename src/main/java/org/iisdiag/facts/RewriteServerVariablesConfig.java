package org.iisdiag.facts;

import java.util.List;

/**
 * {@code system.webServer/rewrite} at one configuration level: the server variables its rules set
 * ({@code <serverVariables><set name="...">} of inbound and global rules, first appearance order, each once)
 * and the names its {@code allowedServerVariables} list adds. URL Rewrite refuses to set a variable that is
 * not in the allowed list (500.50 for inbound rules, 500.51 for global ones); the list is locked to
 * applicationHost.config out of the box. {@code clearsAllowed} is an {@code <allowedServerVariables><clear/>}
 * at this level.
 */
public record RewriteServerVariablesConfig(List<String> setVariables, List<String> allowedVariables,
                                           boolean clearsAllowed, String configFile, String locationPath,
                                           String source) implements ConfigFact {

    public RewriteServerVariablesConfig {
        setVariables = List.copyOf(setVariables);
        allowedVariables = List.copyOf(allowedVariables);
    }

    @Override
    public List<String> defaults() {
        return List.of();
    }

    @Override
    public String describe() {
        StringBuilder b = new StringBuilder("rewrite");
        if (!setVariables.isEmpty()) {
            b.append(" rules set server variables ").append(String.join(", ", setVariables));
        }
        if (!allowedVariables.isEmpty() || clearsAllowed) {
            b.append(setVariables.isEmpty() ? "" : ";").append(" allowedServerVariables ")
                    .append(clearsAllowed ? "<clear/> " : "").append(String.join(", ", allowedVariables));
        }
        return b.append(ConfigFact.location(locationPath)).append(ConfigFact.where(List.of(), source)).toString();
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
