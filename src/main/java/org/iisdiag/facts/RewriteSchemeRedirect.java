package org.iisdiag.facts;

import java.util.List;

/**
 * A URL Rewrite rule (inbound {@code rules} or server {@code globalRules}) that redirects to an {@code https://}
 * URL when a condition on the server's own view of the connection ({@code {HTTPS}}, {@code {SERVER_PORT_SECURE}},
 * {@code {SERVER_PORT}}) says the request came over plain HTTP, and that tests no forwarded-protocol header
 * (X-Forwarded-Proto, Forwarded). Behind a load balancer or proxy that ends TLS and forwards HTTP, every request
 * looks plain to such a rule, including those the browser sent over HTTPS, and the redirect never ends.
 *
 * @param testedVariable the condition's input as written ("{HTTPS}")
 */
public record RewriteSchemeRedirect(String ruleName, String testedVariable, String targetUrl, boolean global,
                                    String configFile, String locationPath, String source) implements ConfigFact {

    @Override
    public String describe() {
        return (global ? "global " : "") + "rewrite rule \"" + ruleName + "\" redirects to " + targetUrl
                + " when " + testedVariable + " says the request is not secure" + ConfigFact.location(locationPath)
                + ConfigFact.where(List.of(), source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
