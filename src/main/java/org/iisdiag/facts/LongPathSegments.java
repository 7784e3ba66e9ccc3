package org.iisdiag.facts;

/**
 * URLs of a key whose path holds a segment (the text between two slashes, before any query) longer than a
 * limit: how many entries had one, the longest segment seen in any entry of the key (characters), and the
 * first such URL with its long segments shortened to their first characters and length, and no query, so
 * that no token reaches a report. {@code longestUrl} is the length of the longest whole URL (path and query,
 * bytes as logged) of any entry: HTTP.sys bounds the request line by MaxFieldLength, whatever its segments.
 */
public record LongPathSegments(long entries, int longest, String example, int longestUrl) {
    public static final LongPathSegments NONE = new LongPathSegments(0, 0, "", 0);

    /** Segments measured without the whole URL's length. */
    public LongPathSegments(long entries, int longest, String example) {
        this(entries, longest, example, 0);
    }

    /** Whether any entry had a segment over the limit. */
    public boolean any() {
        return entries > 0;
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
