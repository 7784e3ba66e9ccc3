package org.iisdiag.facts;

import java.time.Instant;
import java.util.List;

/**
 * Redirects a browser capture (HAR) shows back to the very URL the browser asked (a 3xx whose Location, resolved
 * against the request, is the request's own URL), aggregated by URL. A browser follows such a redirect until its
 * limit (Chrome and Edge: 20) and gives up with ERR_TOO_MANY_REDIRECTS: a redirect loop. Only scheme, host and
 * path are kept, never the query.
 *
 * @param url    the URL asked and redirected to: scheme, host (with a non-default port) and path
 * @param scheme the scheme the browser used ("https", "http")
 * @param status the first 3xx status seen
 */
public record SelfRedirect(String url, String scheme, int status, long count, Instant firstSeen, Instant lastSeen,
                           List<SampleLine> samples) implements TalliedEvidence {

    @Override
    public String describe() {
        return String.format(java.util.Locale.ROOT, "%,d x %d from %s redirected the browser to the same URL (HAR%s)",
                count, status, url, seenSpan());
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
