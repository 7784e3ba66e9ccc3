package org.iisdiag.evidence.har;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iisdiag.evidence.Fixtures.resource;
import static org.iisdiag.evidence.Fixtures.text;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

import org.iisdiag.evidence.ReadReport;
import org.iisdiag.facts.AnsweredBy;
import org.iisdiag.facts.EvidenceKind;
import org.iisdiag.facts.HarCapture;
import org.iisdiag.facts.HarResponse;
import org.junit.jupiter.api.Test;

class HarReaderTest {

    private static ReadReport read(HarReader reader, String name, InputStream in) throws IOException {
        ReadReport report = new ReadReport(name, EvidenceKind.HAR);
        reader.read(name, "", in, report);
        return report;
    }

    private static HarReader shop() throws IOException {
        HarReader reader = new HarReader();
        ReadReport r = read(reader, "browser/shop.har", resource("har/shop.har"));
        assertThat(r.failed()).isFalse();
        assertThat(r.notes()).isEmpty();
        assertThat(r.problems()).isEmpty();
        assertThat(r.entries()).isEqualTo(9);
        return reader;
    }

    private static HarResponse response(HarReader reader, int status, AnsweredBy by) {
        return reader.responses().stream().filter(x -> x.status() == status && x.answeredBy() == by).findFirst().orElseThrow();
    }

    @Test
    void summarisesTheCapture() throws IOException {
        HarCapture c = shop().captures().get(0);
        assertThat(c.file()).isEqualTo("browser/shop.har");
        assertThat(c.version()).isEqualTo("1.2");
        assertThat(c.creator()).isEqualTo("WebInspector 537.36");
        assertThat(c.browser()).isEqualTo("Microsoft Edge 131.0.2903.86");
        assertThat(c.entries()).isEqualTo(9);
        assertThat(c.pages()).isEqualTo(2);
        assertThat(c.first()).isEqualTo(Instant.parse("2025-01-09T14:00:01.120Z")); // written as 15:00:01.120+01:00
        assertThat(c.last()).isEqualTo(Instant.parse("2025-01-09T14:04:40Z"));
        assertThat(c.errorEntries()).isEqualTo(7);
        assertThat(c.noResponses()).isEqualTo(1);
        assertThat(c.truncated()).isFalse();
        assertThat(c.describe()).startsWith("HAR browser/shop.har: 9 requests on 2 pages");
    }

    @Test
    void anHttpSys503IsToldFromIisAndKeepsTheErrorPageText() throws IOException {
        HarResponse r = response(shop(), 503, AnsweredBy.HTTP_SYS);
        assertThat(r.count()).isEqualTo(2);
        assertThat(r.host()).isEqualTo("shop.contoso.com");
        assertThat(r.statusText()).isEqualTo("Service Unavailable");
        assertThat(r.httpSysBody()).isEqualTo("Service Unavailable HTTP Error 503. The service is unavailable.");
        assertThat(r.serverVersion()).isEqualTo("2.0");
        // 15:02:10.5+01:00 and 09:02:11-05:00 are both UTC 14:02
        assertThat(r.firstSeen()).isEqualTo(Instant.parse("2025-01-09T14:02:10.500Z"));
        assertThat(r.exampleUrls()).contains("https://shop.contoso.com/checkout");
        assertThat(r.maxWaitMs()).isEqualTo(3); // 2.6 ms, rounded
        assertThat(r.samples()).first().satisfies(s -> {
            assertThat(s.file()).isEqualTo("browser/shop.har");
            assertThat(s.line()).isGreaterThan(100);
            assertThat(s.text()).startsWith("2025-01-09T14:02:10.500Z GET https://shop.contoso.com/checkout -> 503 Service Unavailable")
                    .contains("Server: Microsoft-HTTPAPI/2.0");
        });
        assertThat(r.describe()).contains("answered by HTTP_SYS").contains("page: \"Service Unavailable");
    }

    @Test
    void headerNamesAreMatchedCaseInsensitively() throws IOException {
        // the second 503 came over HTTP/2 with lower-case header names ("server", "content-type")
        HarReader reader = shop();
        List<HarResponse> httpSys = reader.responses().stream().filter(x -> x.answeredBy() == AnsweredBy.HTTP_SYS).toList();
        assertThat(httpSys).singleElement().satisfies(x -> {
            assertThat(x.serverHeader()).isEqualTo("Microsoft-HTTPAPI/2.0");
            assertThat(x.contentType()).isEqualTo("text/html; charset=us-ascii");
            assertThat(x.exampleUrls()).containsExactly("https://shop.contoso.com/checkout",
                    "https://shop.contoso.com/checkout?session=***");
        });
    }

    @Test
    void iis500sAggregateAndTheirBodiesAreNotKept() throws IOException {
        HarResponse r = response(shop(), 500, AnsweredBy.IIS);
        assertThat(r.count()).isEqualTo(2); // "Server" and HTTP/2's lower-case "server" alike
        assertThat(r.serverHeader()).isEqualTo("Microsoft-IIS/10.0");
        assertThat(r.serverVersion()).isEqualTo("10.0");
        assertThat(r.poweredBy()).isEqualTo("ASP.NET");
        assertThat(r.httpSysBody()).isEmpty();
        assertThat(r.maxWaitMs()).isEqualTo(1530);
        assertThat(r.exampleUrls()).containsExactly("https://shop.contoso.com/api/login",
                "https://shop.contoso.com/api/orders?access_token=***&page=2");
        assertThat(r.firstSeen()).isEqualTo(Instant.parse("2025-01-09T14:00:02.310Z"));
        assertThat(r.lastSeen()).isEqualTo(Instant.parse("2025-01-09T14:00:03.005Z"));
    }

    @Test
    void noResponseCarriesTheBrowsersNetworkError() throws IOException {
        HarResponse r = response(shop(), 0, AnsweredBy.NONE);
        assertThat(r.error()).isEqualTo("net::ERR_CONNECTION_RESET");
        assertThat(r.serverHeader()).isEmpty();
        assertThat(r.maxWaitMs()).isEqualTo(-1);
        assertThat(r.describe()).startsWith("1 x HAR no response (net::ERR_CONNECTION_RESET) from shop.contoso.com");
    }

    @Test
    void arrCdnAndKestrelAreRecognised() throws IOException {
        HarReader reader = shop();
        HarResponse arr = response(reader, 502, AnsweredBy.ARR);
        assertThat(arr.maxWaitMs()).isEqualTo(30012);
        assertThat(arr.poweredBy()).isEqualTo("ARR/3.0, ASP.NET");
        HarResponse cdn = response(reader, 502, AnsweredBy.OTHER);
        assertThat(cdn.serverHeader()).isEqualTo("cloudflare");
        assertThat(cdn.host()).isEqualTo("cdn.contoso.com:8443");
        assertThat(cdn.httpSysBody()).isEmpty();
        assertThat(response(reader, 500, AnsweredBy.KESTREL).serverHeader()).isEqualTo("Kestrel");
        // the 200 is counted in the capture but makes no response fact
        assertThat(reader.responses()).noneMatch(x -> x.status() == 200).hasSize(6);
    }

    @Test
    void noSecretReachesAFact() throws IOException {
        String all = shop().facts().toString();
        assertThat(all).doesNotContain("COOKIESECRET", "affinity0123456789", "SETCOOKIESECRET", "CSRFSECRET",
                "BEARERSECRET", "eyJhbGciOiJSUzI1NiJ9", "P@ssw0rdLEAK", "P%40ssw0rdLEAK", "DbPassw0rdLEAK",
                "QUERYTOKENLEAK", "SESSIONLEAK", "UserinfoPassLEAK", "UFJPWFlTRUNSRVQ", "ORIGINSECRET", "boom",
                "Set-Cookie", "Authorization", "Cookie");
        assertThat(all).contains("access_token=***", "session=***");
    }

    @Test
    void classifiesServerHeaders() {
        assertThat(HarReader.classify(503, "Microsoft-HttpApi/2.0", "")).isEqualTo(AnsweredBy.HTTP_SYS);
        assertThat(HarReader.classify(500, "Microsoft-IIS/8.5", "ASP.NET")).isEqualTo(AnsweredBy.IIS);
        assertThat(HarReader.classify(502, "Microsoft-IIS/10.0", "ARR/3.0")).isEqualTo(AnsweredBy.ARR);
        assertThat(HarReader.classify(500, "Kestrel", "")).isEqualTo(AnsweredBy.KESTREL);
        assertThat(HarReader.classify(502, "AkamaiGHost", "")).isEqualTo(AnsweredBy.OTHER);
        assertThat(HarReader.classify(503, "awselb/2.0", "")).isEqualTo(AnsweredBy.OTHER);
        assertThat(HarReader.classify(500, "", "ASP.NET")).isEqualTo(AnsweredBy.IIS);
        assertThat(HarReader.classify(500, "", "")).isEqualTo(AnsweredBy.UNKNOWN);
        assertThat(HarReader.classify(0, "Microsoft-IIS/10.0", "")).isEqualTo(AnsweredBy.NONE);
        assertThat(HarReader.version("Microsoft-IIS/10.0")).isEqualTo("10.0");
        assertThat(HarReader.version("cloudflare")).isEmpty();
    }

    @Test
    void aCutCaptureKeepsTheEntriesBeforeTheCut() throws IOException {
        HarReader reader = new HarReader();
        ReadReport r = read(reader, "cut.har", resource("har/cut.har"));
        assertThat(r.failed()).isFalse();
        assertThat(r.notes()).singleElement().asString().startsWith("the HAR is incomplete (cut off or malformed at line")
                .endsWith("the 5 entries before it are used");
        HarCapture c = reader.captures().get(0);
        assertThat(c.truncated()).isTrue();
        assertThat(c.entries()).isEqualTo(5);
        assertThat(reader.responses()).extracting(HarResponse::status).contains(503, 500).doesNotContain(0);
    }

    @Test
    void malformedJsonOrNotAHarIsUnreadable() {
        HarReader reader = new HarReader();
        assertThatThrownBy(() -> read(reader, "not-json.har", resource("har/not-json.har"))).isInstanceOf(IOException.class)
                .hasMessageStartingWith("not valid JSON at line 1");
        assertThatThrownBy(() -> read(reader, "not-har.json", resource("har/not-har.json"))).isInstanceOf(IOException.class)
                .hasMessage("not a HAR capture: no \"log\" object");
        assertThatThrownBy(() -> read(reader, "array.har", text("[1,2]"))).isInstanceOf(IOException.class)
                .hasMessageContaining("not a JSON object");
        assertThat(reader.facts()).isEmpty();
    }

    @Test
    void oddEntriesAreRejectedOrNotedNotFatal() throws IOException {
        String har = """
                {"log": {"entries": [
                  42,
                  {"startedDateTime": "yesterday", "request": {"method": "GET", "url": "https://h/x"},
                   "response": {"status": 404, "statusText": "Not Found", "headers": [{"name": "SERVER", "value": "Microsoft-IIS/10.0"}]}},
                  {"response": {"status": 500}}
                ], "creator": {"name": "Firefox", "version": "133.0"}}}
                """;
        HarReader reader = new HarReader();
        ReadReport r = read(reader, "odd.har", text(har));
        assertThat(r.rejected()).isEqualTo(2);
        assertThat(r.problems()).extracting(p -> p.line()).containsExactly(2L, 5L);
        assertThat(r.notes()).singleElement().asString().contains("no readable startedDateTime (first at line 3: 'yesterday')");
        HarResponse x = reader.responses().get(0);
        assertThat(x.answeredBy()).isEqualTo(AnsweredBy.IIS);
        assertThat(x.firstSeen()).isNull();
        assertThat(reader.captures().get(0).creator()).isEqualTo("Firefox 133.0");
    }

    private static String entry(String method, String url, String requestHeaders, int status, String responseHeaders) {
        return "{\"startedDateTime\":\"2026-02-03T14:20:01Z\",\"request\":{\"method\":\"" + method + "\",\"url\":\"" + url
                + "\",\"headers\":[" + requestHeaders + "]},\"response\":{\"status\":" + status + ",\"statusText\":\"\",\"headers\":["
                + responseHeaders + "],\"content\":{\"size\":0}}}";
    }

    private static String header(String name, String value) {
        return "{\"name\":\"" + name + "\",\"value\":\"" + value + "\"}";
    }

    @Test
    void refusedCorsPreflightsKeepOriginMethodAndHeaderNamesButNoCredential() throws IOException {
        String preflight = header("Origin", "https://app.contoso.com") + "," + header("Access-Control-Request-Method", "put")
                + "," + header("Access-Control-Request-Headers", "Content-Type, X-Requested-With");
        String har = "{\"log\":{\"version\":\"1.2\",\"entries\":["
                + entry("OPTIONS", "https://api.contoso.com/orders/1", preflight, 401, header("Server", "Microsoft-IIS/10.0") + ","
                        + header("WWW-Authenticate", "Negotiate") + "," + header("WWW-Authenticate", "Basic realm=\\\"api\\\""))
                + "," + entry("OPTIONS", "https://api.contoso.com/orders/2", preflight, 401, header("Server", "Microsoft-IIS/10.0"))
                // answered: not refused
                + "," + entry("OPTIONS", "https://api.contoso.com/orders/3", preflight, 204,
                        header("Access-Control-Allow-Origin", "https://app.contoso.com"))
                // an OPTIONS without Access-Control-Request-Method is no preflight
                + "," + entry("OPTIONS", "https://api.contoso.com/dav/", header("Origin", "https://app.contoso.com"), 401, "")
                + "]}}";
        HarReader reader = new HarReader();
        read(reader, "api.har", text(har));
        List<org.iisdiag.facts.CorsPreflight> refused = reader.facts().stream()
                .filter(org.iisdiag.facts.CorsPreflight.class::isInstance).map(org.iisdiag.facts.CorsPreflight.class::cast).toList();
        assertThat(refused).singleElement().satisfies(p -> {
            assertThat(p.host()).isEqualTo("api.contoso.com");
            assertThat(p.origin()).isEqualTo("https://app.contoso.com");
            assertThat(p.requestedMethod()).isEqualTo("PUT");
            assertThat(p.requestedHeaders()).isEqualTo("content-type, x-requested-with");
            assertThat(p.status()).isEqualTo(401);
            assertThat(p.count()).isEqualTo(2);
            assertThat(p.authSchemes()).isEqualTo("Negotiate, Basic").doesNotContain("realm");
            assertThat(p.allowOriginSent()).isFalse();
            assertThat(p.fromIis()).isTrue();
            assertThat(p.exampleUrls()).containsExactly("https://api.contoso.com/orders/1", "https://api.contoso.com/orders/2");
            assertThat(p.samples().get(0).text()).contains("OPTIONS https://api.contoso.com/orders/1 (preflight for put from https://app.contoso.com) -> 401");
        });
    }

    @Test
    void measuresTheRequestHeadersOfRefusedRequestsWithoutKeepingThem() throws IOException {
        String cookie = "a=" + "x".repeat(5000) + "; b=" + "y".repeat(3000) + "; c=z";
        String har = """
                {"log":{"version":"1.2","creator":{"name":"t","version":"1"},"entries":[
                 {"startedDateTime":"2025-03-04T10:15:00Z","time":5,
                  "request":{"method":"GET","url":"https://shop.contoso.test/cart","headers":[
                    {"name":"Host","value":"shop.contoso.test"},{"name":":authority","value":"%s"},
                    {"name":"Cookie","value":"%s"},{"name":"Authorization","value":"Negotiate TlRMTVNTUAABAAAAB4IIog=="}]},
                  "response":{"status":400,"statusText":"Bad Request","headers":[{"name":"Server","value":"Microsoft-HTTPAPI/2.0"}],
                    "content":{"size":0}}}]}}
                """.formatted("q".repeat(9000), cookie);
        HarReader reader = new HarReader();
        read(reader, "c.har", new java.io.ByteArrayInputStream(har.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        HarResponse r = response(reader, 400, AnsweredBy.HTTP_SYS);
        assertThat(r.largestHeader()).isEqualTo("cookie"); // the pseudo-header is not counted
        assertThat(r.cookieBytes()).isEqualTo(8 + cookie.length());
        assertThat(r.headers().cookieCount()).isEqualTo(3);
        assertThat(r.headers().authScheme()).isEqualTo("NTLM");
        assertThat(r.describe()).contains("largest request header cookie (8,019 bytes)").contains("3 cookies")
                .contains("Authorization NTLM").doesNotContain("xxxx");
    }

    @Test
    void namesTheFirstRequestHeaderNameThatIsNotAnHttpToken() throws IOException {
        String har = """
                {"log":{"version":"1.2","creator":{"name":"Fiddler","version":"5"},"entries":[
                 {"startedDateTime":"2025-11-12T09:47:02Z","time":5,
                  "request":{"method":"POST","url":"https://api.contoso.test/v2/status","headers":[
                    {"name":":authority","value":"api.contoso.test"},{"name":"X-Api_Key.v2","value":"k"},
                    {"name":"X-Correlation ID","value":"6f1c"},{"name":"X-Trace(id)","value":"1"}]},
                  "response":{"status":400,"statusText":"Bad Request","headers":[{"name":"Server","value":"Microsoft-HTTPAPI/2.0"}],
                    "content":{"size":0}}},
                 {"startedDateTime":"2025-11-12T09:48:00Z","time":5,
                  "request":{"method":"GET","url":"https://api.contoso.test/v2/orders","headers":[
                    {"name":"Host","value":"api.contoso.test"},{"name":"X-Correlation-ID","value":"1"}]},
                  "response":{"status":404,"statusText":"Not Found","headers":[{"name":"Server","value":"Microsoft-IIS/10.0"}],
                    "content":{"size":0}}}]}}
                """;
        HarReader reader = new HarReader();
        read(reader, "c.har", new java.io.ByteArrayInputStream(har.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        HarResponse refused = response(reader, 400, AnsweredBy.HTTP_SYS);
        // the pseudo-header and a name with '_' and '.' are tokens; the first name with a space is the one kept
        assertThat(refused.invalidHeaderName()).isEqualTo("X-Correlation ID");
        assertThat(refused.describe()).contains("request header name \"X-Correlation ID\" is not an HTTP token");
        assertThat(response(reader, 404, AnsweredBy.IIS).invalidHeaderName()).isEmpty();
    }

    @Test
    void keepsTheHttpVersionAndTheChallengeSchemesButNoToken() throws IOException {
        HarReader reader = new HarReader();
        read(reader, "edge.har", text("""
                {"log": {"version": "1.2", "entries": [
                  {"startedDateTime": "2025-09-23T08:10:31Z", "request": {"method": "GET", "url": "https://hr.contoso.local/", "httpVersion": "h2", "headers": []},
                   "response": {"status": 401, "httpVersion": "h2", "headers": [{"name": "www-authenticate", "value": "Negotiate oYG2MIGzoAMKAQGhCwYJKoZIgvcSAQICom4EbG"},
                                {"name": "WWW-Authenticate", "value": "NTLM"}, {"name": "server", "value": "Microsoft-IIS/10.0"}], "content": {}}},
                  {"startedDateTime": "2025-09-23T08:10:32Z", "request": {"method": "GET", "url": "https://hr.contoso.local/", "httpVersion": "http/2.0", "headers": []},
                   "response": {"status": 0, "httpVersion": "", "headers": [], "content": {}, "_error": "net::ERR_HTTP_1_1_REQUIRED"}},
                  {"startedDateTime": "2025-09-23T08:10:33Z", "request": {"method": "GET", "url": "https://hr.contoso.local/x", "httpVersion": "HTTP/1.1", "headers": []},
                   "response": {"status": 401, "httpVersion": "HTTP/1.1", "headers": [{"name": "WWW-Authenticate", "value": "Basic realm=\\"hr\\"\\nNegotiate"},
                                {"name": "server", "value": "Microsoft-IIS/10.0"}], "content": {}}}
                ]}}
                """));
        HarResponse challenge = response(reader, 401, AnsweredBy.IIS);
        assertThat(challenge.protocols()).containsExactly("HTTP/1.1", "HTTP/2");
        assertThat(challenge.authSchemes()).containsExactly("Basic", "Negotiate", "NTLM");
        assertThat(challenge.overHttp2()).isTrue();
        assertThat(challenge.windowsChallenge()).isTrue();
        assertThat(challenge.toString()).doesNotContain("oYG2MIGz");
        HarResponse reset = response(reader, 0, AnsweredBy.NONE);
        assertThat(reset.protocols()).as("the request's version when the response has none").containsExactly("HTTP/2");
        assertThat(reset.authSchemes()).isEmpty();
        assertThat(reset.error()).isEqualTo("net::ERR_HTTP_1_1_REQUIRED");
        assertThat(reset.samples()).first().satisfies(s -> assertThat(s.text()).contains("-> no response over HTTP/2"));
    }
}
