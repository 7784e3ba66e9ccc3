package org.iisdiag.facts;

/**
 * Who produced an HTTP response seen in a HAR capture, from its {@code Server} and
 * {@code X-Powered-By} headers. Headers can be stripped or rewritten (DisableServerHeader,
 * removeServerHeader, CDNs), so this is a strong hint, not proof.
 */
public enum AnsweredBy {
    /** {@code Server: Microsoft-HTTPAPI/2.0}: HTTP.sys answered itself; the request never reached IIS. */
    HTTP_SYS,
    /** {@code Server: Microsoft-IIS/x.y}. */
    IIS,
    /** {@code Server: Kestrel}: ASP.NET Core answered directly (out-of-process, or no IIS in front). */
    KESTREL,
    /** {@code X-Powered-By: ARR/x.y}: IIS Application Request Routing answered (a proxy in front of a back end). */
    ARR,
    /** Another server: a CDN, load balancer or proxy (cloudflare, AkamaiGHost, awselb ...). */
    OTHER,
    /** No Server header and nothing else that tells (it may have been removed). */
    UNKNOWN,
    /** No HTTP response at all (status 0: connection reset, refused, aborted ...). */
    NONE
}
