package org.iisdiag.facts;

import java.time.Instant;
import java.util.List;

/**
 * Redirects a browser capture (HAR) shows from an application to an identity provider's authorization endpoint
 * (a 3xx whose Location is an OAuth 2.0 / OpenID Connect {@code .../authorize} URL carrying {@code redirect_uri}),
 * aggregated by (application host, page scheme, provider host, redirect URI). The redirect URI is where the
 * provider will send the user back; the application builds it from the request it is serving. Only scheme, host
 * and path of the redirect URI are kept: never the state, nonce or any other parameter.
 *
 * @param host        the application's host the browser asked (with a non-default port), lower case
 * @param pageScheme  the scheme of that request as the browser sent it ("https", "http")
 * @param idpHost     the identity provider's host (login.microsoftonline.com ...)
 * @param redirectUri the redirect_uri, scheme, host and path only
 */
public record SignInRedirect(String host, String pageScheme, String idpHost, String redirectUri, long count,
                             Instant firstSeen, Instant lastSeen, List<SampleLine> samples) implements TalliedEvidence {

    /** The browser asked over https, and the application asks to be called back over plain http. */
    public boolean downgradesScheme() {
        return pageScheme.equals("https") && redirectUri.startsWith("http://");
    }

    @Override
    public String describe() {
        return String.format(java.util.Locale.ROOT, "%,d x %s://%s redirected the browser to %s with redirect_uri %s (HAR%s)",
                count, pageScheme, host, idpHost, redirectUri, seenSpan());
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
