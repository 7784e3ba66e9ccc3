package org.iisdiag.facts;

import java.util.List;

/**
 * An enabled URL Rewrite outbound rule ({@code rewrite/outboundRules/rule}) and the name of its precondition
 * ("" without one). Outbound rules run on the response in RQ_SEND_RESPONSE; a rule that matches the body (tags or
 * content) cannot read a response that is already compressed, and URL Rewrite then fails the request with 500.52.
 * {@code matchesBody} is false for a rule that only rewrites a server variable (a response header).
 */
public record RewriteOutboundRule(String ruleName, String preCondition, boolean matchesBody, String configFile,
                                  String locationPath, String source) implements ConfigFact {

    @Override
    public List<String> defaults() {
        return List.of();
    }

    @Override
    public String describe() {
        return "outbound rewrite rule \"" + ruleName + "\""
                + (preCondition.isEmpty() ? "" : " (precondition " + preCondition + ")")
                + (matchesBody ? " rewrites the response body" : " rewrites a response header")
                + ConfigFact.location(locationPath) + ConfigFact.where(List.of(), source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
