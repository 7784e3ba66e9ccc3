package org.iisdiag.facts;

import java.util.Locale;

/**
 * How big the request headers of some HAR entries were, measured without keeping any value: the largest
 * header (its name, lower case, and its size as sent, name + ": " + value), the largest Cookie header and
 * how many cookies it carried, the largest Authorization header and its scheme ("Negotiate", "NTLM",
 * "Bearer" ...; a Negotiate token that starts with the NTLMSSP signature is "NTLM"), and the largest
 * total of all headers. A header HTTP.sys rejects as too long (400 FieldLength/RequestLength) is named by
 * the largest one.
 *
 * @param largestName  the largest header's name, lower case, "" when none was measured
 * @param largestBytes its size in bytes (name, ": " and value), 0 when none
 * @param totalBytes   the largest sum of one request's header sizes (with CRLFs), 0 when none
 * @param cookieBytes  the largest Cookie header (its size as sent), 0 when none was sent
 * @param cookieCount  the cookies in that header, 0 when none
 * @param authScheme   the scheme of the largest Authorization header, "" when none was sent
 * @param authBytes    that header's size, 0 when none
 */
public record RequestHeaderSizes(String largestName, long largestBytes, long totalBytes, long cookieBytes, int cookieCount,
                                 String authScheme, long authBytes) {

    public static final RequestHeaderSizes NONE = new RequestHeaderSizes("", 0, 0, 0, 0, "", 0);

    public RequestHeaderSizes {
        largestName = largestName == null ? "" : largestName;
        authScheme = authScheme == null ? "" : authScheme;
    }

    /** The larger of each measure of the two. */
    public RequestHeaderSizes max(RequestHeaderSizes o) {
        boolean mine = largestBytes >= o.largestBytes;
        boolean myCookie = cookieBytes >= o.cookieBytes;
        boolean myAuth = authBytes >= o.authBytes;
        return new RequestHeaderSizes(mine ? largestName : o.largestName, Math.max(largestBytes, o.largestBytes),
                Math.max(totalBytes, o.totalBytes), myCookie ? cookieBytes : o.cookieBytes,
                myCookie ? cookieCount : o.cookieCount, myAuth ? authScheme : o.authScheme, Math.max(authBytes, o.authBytes));
    }

    public String describe() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "largest request header %s (%,d bytes)",
                largestName, largestBytes));
        if (cookieBytes > 0) {
            b.append(String.format(Locale.ROOT, ", Cookie header %,d bytes in %d cookies", cookieBytes, cookieCount));
        }
        b.append(authScheme.isEmpty() ? ", no Authorization header"
                : String.format(Locale.ROOT, ", Authorization %s %,d bytes", authScheme, authBytes));
        if (totalBytes > 0) {
            b.append(String.format(Locale.ROOT, ", all headers %,d bytes", totalBytes));
        }
        return b.toString();
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
