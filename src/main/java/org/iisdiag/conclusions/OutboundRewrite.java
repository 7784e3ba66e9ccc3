package org.iisdiag.conclusions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iisdiag.facts.RewriteOutboundRule;
import org.iisdiag.facts.RewriteProxyRule;

/**
 * URL Rewrite outbound rules that meet a compressed response: the module's message ('Outbound rewrite rules cannot
 * be applied when the content of the HTTP response is encoded ("gzip").', 500.52/500.53) and the rules it concerns.
 */
public final class OutboundRewrite {
    private OutboundRewrite() {
    }

    private static final Pattern ENCODED = Pattern.compile(
            "(?i)outbound rewrite rules cannot be applied when the content of the HTTP response is encoded"
                    + "(?:\\s*\\(\\s*[\"'\u201c]?([A-Za-z0-9-]{1,20})[\"'\u201d]?\\s*\\))?");

    /** Whether {@code text} holds URL Rewrite's message about an encoded response. */
    public static boolean saysEncoded(String text) {
        return text != null && ENCODED.matcher(text).find();
    }

    /** The content encoding the message names ("gzip", "deflate", "br"), or "" when it names none. */
    public static String encodingIn(String text) {
        if (text == null) {
            return "";
        }
        Matcher m = ENCODED.matcher(text);
        return m.find() && m.group(1) != null ? m.group(1) : "";
    }

    /**
     * The outbound rules that read the response body, as 'name (precondition P)', in configuration order; the
     * header-only rules when no rule reads the body (they fail the same way on an encoded response only when
     * the module rewrites its content, so they come last).
     */
    public static String bodyRules(Collection<?> rules) {
        List<String> body = new ArrayList<>();
        List<String> headers = new ArrayList<>();
        for (Object o : rules) {
            if (o instanceof RewriteOutboundRule r && !r.ruleName().isEmpty()) {
                String label = "\"" + r.ruleName() + "\"" + (r.preCondition().isEmpty() ? "" : " (precondition " + r.preCondition() + ")");
                (r.matchesBody() ? body : headers).add(label);
            }
        }
        List<String> chosen = body.isEmpty() ? headers : body;
        return String.join(", ", chosen.subList(0, Math.min(chosen.size(), 5)));
    }

    /**
     * The template values of diagnosis rewrite-outbound-compressed-response: the status, the encoding ("gzip" when
     * the evidence names none), the outbound rules that read the body, and the first inbound proxy rule and its host.
     */
    public static String[] params(String code, String encoding, Collection<?> outbound, List<?> proxies, long count,
                                  String urls) {
        RewriteProxyRule proxy = proxies.isEmpty() ? null : (RewriteProxyRule) proxies.get(0);
        String rules = bodyRules(outbound);
        return new String[] {"statusCode", code, "encoding", encoding.isEmpty() ? "gzip" : encoding,
                "outboundRules", rules.isEmpty() ? "the site's outbound rules" : "outbound rule " + rules,
                "proxyRule", proxy == null ? "<inbound proxy rule>" : proxy.ruleName(),
                "backend", proxy == null ? "the back-end server" : proxy.targetHost(),
                "count", StatusCodes.thousands(count), "urls", urls};
    }
}
