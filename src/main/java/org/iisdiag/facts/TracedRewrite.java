package org.iisdiag.facts;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A URL Rewrite rewrite a Failed Request Tracing file recorded (the Rewrite trace area): the rule whose
 * REWRITE_ACTION ran last before the URL changed, its substitution string, and the URL_CHANGED event's old
 * and new URL, with the request's final status and the module that set it. IIS then processes the request
 * for {@code toUrl}: a 404 after the change is about the rewritten path, not the one the client asked for.
 * Strings are "" when the trace does not say.
 *
 * @param file          the trace file, relative to the case folder
 * @param url           the request URL as the client sent it (the trace's url)
 * @param siteId        the trace's site id
 * @param status        the request's final status
 * @param substatus     its substatus
 * @param time          the trace's first event (UTC), null when unknown
 * @param rule          the rule name (RULE_EVALUATION_START RuleName of the rule whose action rewrote)
 * @param substitution  the rule action's url as configured (REWRITE_ACTION Substitution), e.g. "content/{R:1}.html"
 * @param fromUrl       URL_CHANGED OldUrl, the path before the rewrite
 * @param toUrl         URL_CHANGED NewUrl, the path IIS then served
 * @param module        the module that set the final error status ("StaticFileModule"), "" when none did
 * @param errorCode     that status' HRESULT ("0x80070002")
 * @param samples       file:line of the rewrite and of the error status
 */
public record TracedRewrite(String file, String url, String siteId, int status, int substatus, Instant time,
                            String rule, String substitution, String fromUrl, String toUrl, String module,
                            String errorCode, List<SampleLine> samples) implements TracedRequest {

    /** "404.0" style code. */
    public String code() {
        return status + "." + substatus;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "FREB %s: URL Rewrite%s changed %s to %s, then %s%s", file,
                rule.isEmpty() ? "" : " rule '" + rule + "'", fromUrl, toUrl, code(),
                module.isEmpty() ? "" : " from " + module + (errorCode.isEmpty() ? "" : " (" + errorCode + ")"));
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
