package org.iisdiag.evidence;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Masks secrets in any text before it leaves a reader (facts, samples, notes, problems), in one place.
 * What is masked (README "Secrets"):
 * <ul>
 * <li>values of sensitive parameters, {@code name=value}, {@code name: value}, {@code "name":"value"},
 * after {@code ? & ; #} or anywhere in text, also URL-encoded ({@code %3Ftoken%3D...}, {@code %26password%3D},
 * double-encoded too) and as path parameters ({@code ;jsessionid=}): a name is sensitive when it is one of
 * {@link #SENSITIVE_PARAMS} or contains one of {@link #SENSITIVE_WORDS} (case-insensitive);</li>
 * <li>connection-string keys ({@code Password=...;}, {@code Pwd=}, {@code AccountKey=},
 * {@code SharedAccessSignature=}): the whole value up to the {@code ;}, spaces included; {@code User ID} is kept;</li>
 * <li>the password of {@code user:password@host} in URLs;</li>
 * <li>{@code Bearer}, {@code Basic}, {@code Negotiate} and {@code NTLM} credentials anywhere;</li>
 * <li>command-line options whose name has a sensitive word: {@code --password x}, {@code --password=x},
 * {@code /ApiKey:x}, {@code --db-password x}, {@code --*key*}, {@code --*secret*}, {@code --*token*};</li>
 * <li>JWTs ({@code eyJ...}.{@code eyJ...}.{@code ...}) wherever they are.</li>
 * </ul>
 * Every pass is linear in the text (possessive or bounded quantifiers, hand-written scans), so a 10 MB
 * line costs milliseconds.
 */
public final class Redactor {
    /** Parameter names whose values are masked (compared case-insensitively, whole name). */
    public static final List<String> SENSITIVE_PARAMS = List.of(
            "password", "pwd", "passwd", "pass", "passphrase", "token", "access_token", "id_token", "refresh_token",
            "auth_token", "jwt", "apikey", "api_key", "key", "secret", "client_secret", "sig", "signature",
            "X-Amz-Signature", "X-Amz-Credential", "X-Amz-Security-Token", "code", "session", "session_id", "sessionid",
            "jsessionid", "phpsessid", "private_key", "auth", "authorization", "accountkey", "sharedaccesskey",
            "sharedaccesssignature", "otp", "ticket");
    /** A parameter or option name containing one of these (case-insensitive) is sensitive too. */
    public static final List<String> SENSITIVE_WORDS = List.of(
            "password", "passwd", "secret", "token", "apikey", "api_key", "api-key", "signature", "credential",
            "private_key", "privatekey", "accesskey", "access_key", "accountkey", "sharedaccess", "sessionid", "session_id",
            "connectionstring");
    /** Option names ({@code --x}, {@code /x}) containing one of these have their value masked. */
    public static final List<String> SENSITIVE_OPTION_WORDS = List.of(
            "password", "passwd", "pwd", "pass", "secret", "token", "key", "credential", "connectionstring",
            "signature", "auth");
    /** Names that contain a sensitive word but hold nothing secret (assembly names, FREB's token user). */
    private static final Set<String> PUBLIC_NAMES = Set.of("publickeytoken", "tokenusername", "keyfile", "keyword");
    /** Keys whose value runs to the next {@code ;} in a connection string, spaces included. */
    private static final Set<String> CONNECTION_KEYS = Set.of(
            "password", "pwd", "accountkey", "sharedaccesskey", "sharedaccesssignature");
    public static final String MASK = "***";
    public static final Redactor DEFAULT = new Redactor(SENSITIVE_PARAMS);

    private final Set<String> names;

    public Redactor(List<String> names) {
        this.names = Set.copyOf(names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList());
    }

    /** Masks every kind of secret listed above in free text (a message, a command line, a sample line). */
    public String redact(String text) {
        return redact(text, false);
    }

    /**
     * Masks secrets in a query, a URL or a line whose values never hold spaces (a W3C log line): a
     * value ends at the first space even for connection-string keys. Kept for the W3C/HTTPERR readers.
     */
    public String redactQuery(String text) {
        return redact(text, true);
    }

    /**
     * Redacts one space-separated W3C line: masks the whole field at {@code cookieField} (when not
     * "-", -1 for none) and secrets anywhere in the line.
     */
    public String redactW3cLine(String line, int cookieField) {
        String text = line;
        if (cookieField >= 0) {
            String[] fields = line.split(" ", -1);
            if (cookieField < fields.length && !fields[cookieField].equals("-")) {
                fields[cookieField] = MASK;
                text = String.join(" ", fields);
            }
        }
        return redactQuery(text);
    }

    /** Whether a parameter name is sensitive: listed, or containing a sensitive word. */
    public boolean sensitive(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (names.contains(n)) {
            return true;
        }
        if (n.length() < 5 || PUBLIC_NAMES.contains(n)) {
            return false; // every sensitive word has at least five letters
        }
        for (String w : SENSITIVE_WORDS) {
            if (n.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every pass finds what to mask in the original text; the spans are merged and masked at the end, so
     * one pass never hides from another the name or word that tells it a secret follows.
     */
    private String redact(String text, boolean spaceEnds) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Spans spans = new Spans();
        if (text.contains("://")) {
            userInfo(text, spans);
        }
        authorization(text, spans);
        if (text.indexOf('=') >= 0 || text.indexOf(':') >= 0 || text.indexOf('%') >= 0) {
            parameters(text, spaceEnds, spans);
        }
        if (text.indexOf('-') >= 0 || text.indexOf('/') >= 0) {
            options(text, spans);
        }
        if (text.contains(".eyJ")) {
            jwts(text, spans);
        }
        return spans.apply(text);
    }

    /** Parts of a text to mask: merged where they touch or overlap, then each replaced by {@link #MASK}. */
    private static final class Spans {
        /** start << 32 | end: a primitive sort, and a span that extends the last one is merged at once. */
        private long[] spans = new long[8];
        private int size;

        void add(int start, int end) {
            if (end <= start) {
                return;
            }
            if (size > 0) {
                int lastStart = (int) (spans[size - 1] >>> 32);
                int lastEnd = (int) spans[size - 1];
                if (start >= lastStart && start <= lastEnd) {
                    spans[size - 1] = ((long) lastStart << 32) | Math.max(lastEnd, end);
                    return;
                }
            }
            if (size == spans.length) {
                spans = java.util.Arrays.copyOf(spans, size * 2);
            }
            spans[size++] = ((long) start << 32) | end;
        }

        String apply(String t) {
            if (size == 0) {
                return t;
            }
            java.util.Arrays.sort(spans, 0, size);
            StringBuilder out = new StringBuilder(t.length());
            int copied = 0;
            int i = 0;
            while (i < size) {
                int start = (int) (spans[i] >>> 32);
                int end = (int) spans[i];
                for (i++; i < size && (int) (spans[i] >>> 32) <= end; i++) {
                    end = Math.max(end, (int) spans[i]);
                }
                out.append(t, copied, Math.max(copied, start)).append(MASK);
                copied = Math.max(copied, end);
            }
            return out.append(t, copied, t.length()).toString();
        }
    }

    // ---- name=value ---------------------------------------------------------------------------------

    /**
     * Finds each separator ({@code =}, {@code :}, an encoded {@code =}) and reads the name before it
     * backwards (at most 64 characters): only separators are visited, so the scan is linear.
     */
    private void parameters(String t, boolean spaceEnds, Spans spans) {
        // where the last plain and encoded values ended (later starts before it end there too); next ';' search
        int[] memo = {-1, -1, -1, -1};
        int n = t.length();
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            int sepEnd;
            boolean encoded = false;
            boolean colon = false;
            if (c == '=') {
                sepEnd = i + 1;
            } else if (c == ':') {
                if (t.startsWith("//", i + 1)) {
                    continue;
                }
                sepEnd = i + 1;
                colon = true;
            } else if (c == '%') {
                int k = i + 1;
                while (t.startsWith("25", k)) {
                    k += 2;
                }
                if (k + 1 >= n || t.charAt(k) != '3' || (t.charAt(k + 1) != 'D' && t.charAt(k + 1) != 'd')) {
                    continue;
                }
                sepEnd = k + 2;
                encoded = true;
            } else {
                continue;
            }
            String[] names = nameBefore(t, i, encoded, 0);
            String name = names == null ? null : matching(names, colon);
            if (name == null || statusCode(t, i, name)) {
                continue;
            }
            int vs = sepEnd;
            while (!encoded && vs < n && (t.charAt(vs) == ' ' || t.charAt(vs) == '\t')) {
                vs++;
            }
            boolean connection = !spaceEnds && CONNECTION_KEYS.contains(name.toLowerCase(Locale.ROOT))
                    && !queryContext(t, i, name);
            int[] span = valueSpan(t, vs, encoded, connection, memo);
            spans.add(span[0], span[1]);
            // no skip past the value: a name inside it may end its own value elsewhere
        }

    }

    /** The word that makes a "code" a status rather than an OAuth authorization code: "Error Code = '-2147024894'". */
    private static final java.util.regex.Pattern STATUS_WORD =
            java.util.regex.Pattern.compile("(?i)\\b(?:error|exit|status|return|result|reason|event|http)[ _-]?$");

    /** Whether the "code" before the separator at {@code sep} is qualified as a status ("Error Code", "exit code"). */
    private static boolean statusCode(String t, int sep, String name) {
        if (!name.equalsIgnoreCase("code")) {
            return false;
        }
        int at = t.lastIndexOf(name, sep);
        return at > 0 && STATUS_WORD.matcher(t.substring(Math.max(0, at - 12), at)).find();
    }

    /**
     * The parameter name ending just before the separator at {@code sep} (after an optional closing quote
     * and spaces), at most its last 64 characters, starting at its first letter; null when there is none.
     * After a %XX escape ("%3Ftoken") the name without the escape's two characters is returned too: both
     * readings are checked, since "%ACcountKey" may be either.
     */
    private static String[] nameBefore(String t, int sep, boolean encoded, int floor) {
        int e = sep;
        for (int spaces = 0; !encoded && e > floor && spaces < 8 && (t.charAt(e - 1) == ' ' || t.charAt(e - 1) == '\t'); spaces++) {
            e--;
        }
        if (!encoded && e > floor && (t.charAt(e - 1) == '"' || t.charAt(e - 1) == '\'')) {
            e--;
        }
        int b = e;
        while (b > floor && e - b < 64 && nameChar(t.charAt(b - 1))) {
            b--;
        }
        String escaped = null;
        if (b > floor && t.charAt(b - 1) == '%' && e - b > 2 && hex(t.charAt(b)) && hex(t.charAt(b + 1))) {
            int k = b;
            while (t.startsWith("25", k) && e - k > 4) {
                k += 2; // "%253F" is one escaped twice
            }
            escaped = fromFirstLetter(t, k + 2, e);
        }
        String full = fromFirstLetter(t, b, e);
        return full == null && escaped == null ? null : new String[] {full, escaped};
    }

    /** From the first letter (or '_') of t[b, e) on: "[[[[password" names password. */
    private static String fromFirstLetter(String t, int b, int e) {
        while (b < e && !Character.isLetter(t.charAt(b)) && t.charAt(b) != '_') {
            b++;
        }
        return e - b >= 3 ? t.substring(b, e) : null; // no sensitive name is shorter than "pwd"
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean nameChar(char c) {
        return (c < 128 && Character.isLetterOrDigit(c)) || c == '_' || c == '.' || c == '-' || c == '[' || c == ']'
                || c == '$';
    }

    /** The first of the readings of a name that is sensitive (strong for ":"), or null. */
    private String matching(String[] names, boolean colon) {
        for (String n : names) {
            if (n != null && (colon ? strong(n) : sensitive(n))) {
                return n;
            }
        }
        return null;
    }

    /** Names that are sensitive even with a ":" (JSON, YAML, headers), where "key:" alone would be too broad. */
    private boolean strong(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("pwd") || n.equals("pass") || n.equals("jwt") || n.equals("authorization")) {
            return true;
        }
        if (PUBLIC_NAMES.contains(n)) {
            return false;
        }
        for (String w : SENSITIVE_WORDS) {
            if (n.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** A name right after ? or & (or an escape) is a query parameter: its value has no spaces. */
    private static boolean queryContext(String t, int sep, String name) {
        int nameStart = t.lastIndexOf(name, sep);
        if (nameStart <= 0) {
            return false;
        }
        char c = t.charAt(nameStart - 1);
        return c == '?' || c == '&' || (nameStart >= 3 && t.charAt(nameStart - 3) == '%');
    }

    /** Start and end of the value at {@code vs}: quoted, URL-encoded, a connection-string value, or plain. */
    private static int[] valueSpan(String t, int vs, boolean encoded, boolean connection, int[] memo) {
        int n = t.length();
        if (vs >= n) {
            return new int[] {vs, vs};
        }
        char first = t.charAt(vs);
        if (!encoded && (first == '"' || first == '\'')) {
            int end = vs + 1;
            while (end < n && t.charAt(end) != first && t.charAt(end) != '\n') {
                end++; // to the closing quote, or the end of the line when there is none
            }
            return new int[] {vs + 1, end};
        }
        int i = vs;
        if (encoded) {
            if (vs < memo[1]) {
                return new int[] {vs, memo[1]};
            }
            while (i < n && !plainEnd(t.charAt(i)) && !encodedSeparator(t, i)) {
                i++;
            }
            memo[1] = i;
            return new int[] {vs, i};
        }
        if (connection) {
            // "Password=my secret;" : to the ';' when one comes (within 512) before the end of the line
            int stop = nextOf(t, vs, memo, 2, CONNECTION_STOPS);
            if (stop < n && stop < vs + 512 && t.charAt(stop) == ';') {
                return new int[] {vs, stop};
            }
        }
        if (vs < memo[0]) {
            return new int[] {vs, memo[0]};
        }
        while (i < n && !plainEnd(t.charAt(i))) {
            i++;
        }
        memo[0] = i;
        return new int[] {vs, i};
    }

    private static final String CONNECTION_STOPS = ";\n\r\"'<&";

    /**
     * The next index at or after {@code from} of one of {@code chars} (or the length), remembered in
     * memo[slot] (where the search started) and memo[slot + 1] (what it found): a later search from
     * inside that range has the same answer, so many searches over one run stay linear.
     */
    private static int nextOf(String t, int from, int[] memo, int slot, String chars) {
        if (from >= memo[slot] && from <= memo[slot + 1]) {
            return memo[slot + 1];
        }
        int k = from;
        while (k < t.length() && chars.indexOf(t.charAt(k)) < 0) {
            k++;
        }
        memo[slot] = from;
        memo[slot + 1] = k;
        return k;
    }

    private static boolean plainEnd(char c) {
        return c == '&' || c == ';' || c == '"' || c == '\'' || c == '<' || c == '>' || Character.isWhitespace(c);
    }

    /** %26 (&), %23 (#), %3B (;), %20 (space), also double-encoded (%2526 ...). */
    private static boolean encodedSeparator(String t, int i) {
        if (t.charAt(i) != '%') {
            return false;
        }
        int k = i + 1;
        while (k + 1 < t.length() && t.charAt(k) == '2' && t.charAt(k + 1) == '5') {
            k += 2;
        }
        if (k + 1 >= t.length()) {
            return false;
        }
        String hex = t.substring(k, k + 2).toUpperCase(Locale.ROOT);
        return hex.equals("26") || hex.equals("23") || hex.equals("3B") || hex.equals("20");
    }

    // ---- user:password@host -------------------------------------------------------------------------

    private static void userInfo(String t, Spans spans) {
        int copied = 0;
        for (int s = t.indexOf("://"); s >= 0; s = t.indexOf("://", s + 3)) {
            int start = s + 3;
            int end = start;
            while (end < t.length() && end - start < 512 && !authorityEnd(t.charAt(end))) {
                end++;
            }
            int at = -1;
            int colon = -1;
            for (int k = start; k < end; k++) {
                char c = t.charAt(k);
                if (c == '@') {
                    at = k;
                } else if (c == ':' && at < 0 && colon < 0) {
                    colon = k;
                }
            }
            if (at < 0 || colon < 0 || colon + 1 == at || colon + 1 < copied) {
                continue;
            }
            spans.add(colon + 1, at);
            copied = at;
        }
    }

    private static boolean authorityEnd(char c) {
        return c == '/' || c == '?' || c == '#' || c == '"' || c == '\'' || c == '<' || c == '>'
                || Character.isWhitespace(c);
    }

    // ---- Authorization credentials ------------------------------------------------------------------

    private static final List<String> SCHEMES = List.of("bearer", "basic", "negotiate", "ntlm");

    /** "Bearer x", "Basic x" ... (also "Bearer+x", "Bearer%20x" in W3C fields and URLs); a scan, no regex. */
    private static void authorization(String t, Spans spans) {
        int runEnd = -1;
        int n = t.length();
        for (int i = 0; i < n; i++) {
            char c = (char) (t.charAt(i) | 0x20);
            if (c != 'b' && c != 'n') {
                continue;
            }
            String scheme = null;
            for (String sc : SCHEMES) {
                if (t.regionMatches(true, i, sc, 0, sc.length())) {
                    scheme = sc;
                    break;
                }
            }
            if (scheme == null) {
                continue;
            }
            int k = i + scheme.length();
            int gap = k;
            while (k < n && (t.charAt(k) == ' ' || t.charAt(k) == '\t')) {
                k++;
            }
            if (k == gap) {
                if (k < n && t.charAt(k) == '+') {
                    k++;
                } else if (t.startsWith("%20", k)) {
                    k += 3;
                } else {
                    continue;
                }
            }
            int v = k;
            if (v < runEnd) {
                k = runEnd; // inside a run already scanned: no end character until there (keeps this linear)
            } else {
                while (k < n && !credentialEnd(t.charAt(k))) {
                    k++;
                }
                runEnd = k;
            }
            if (k > v && looksLikeCredential(scheme, t, v, k)) {
                spans.add(v, k);
            }
            // no skip past the credential: "Basic xBearer y" holds a second one
        }
    }

    private static boolean credentialEnd(char c) {
        return Character.isWhitespace(c) || c == '"' || c == '\'' || c == '<' || c == '>' || c == ',' || c == ';';
    }

    /** Tells a credential from prose ("Basic authentication", "Bearer error"). */
    private static boolean looksLikeCredential(String scheme, String t, int from, int to) {
        int length = to - from;
        if (scheme.equals("basic")) {
            if (length >= 16) {
                return true;
            }
            try {
                return new String(Base64.getDecoder().decode(t.substring(from, to)), StandardCharsets.ISO_8859_1)
                        .indexOf(':') >= 0;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        if (scheme.equals("bearer")) {
            // a token cut short is still a secret: masking "Bearer authentication" in prose is the lesser harm
            return length >= 8;
        }
        return length >= 16; // Negotiate / NTLM blobs
    }

    // ---- command-line options -----------------------------------------------------------------------

    /**
     * "--name value", "--name=value", "/name:value": "--" anywhere, "-" and "/" only at the start of a word
     * (so paths are not options). A scan over '-' and '/' only.
     */
    private static void options(String t, Spans spans) {
        int runEnd = -1;
        int n = t.length();
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            if (c != '-' && c != '/') {
                continue;
            }
            int name;
            if (c == '-' && i + 1 < n && t.charAt(i + 1) == '-') {
                name = i + 2;
            } else if (i == 0 || wordStart(t.charAt(i - 1))) {
                name = i + 1;
            } else {
                continue;
            }
            int k = name;
            if (k >= n || !(t.charAt(k) < 128 && Character.isLetter(t.charAt(k)))) {
                continue;
            }
            while (k < n && k - name < 64 && optionChar(t.charAt(k))) {
                k++;
            }
            int nameEnd = k;
            if (k < n && (t.charAt(k) == '=' || t.charAt(k) == ':')) {
                k++;
            } else {
                int gap = k;
                while (k < n && (t.charAt(k) == ' ' || t.charAt(k) == '\t')) {
                    k++;
                }
                if (k == gap) {
                    continue;
                }
            }
            if (!sensitiveOption(t.substring(name, nameEnd))) {
                i = nameEnd - 1;
                continue;
            }
            int vs = k;
            int ve;
            if (vs < n && (t.charAt(vs) == '"' || t.charAt(vs) == '\'')) {
                int close = t.indexOf(t.charAt(vs), vs + 1);
                vs++;
                ve = close < 0 ? lineEnd(t, vs) : close;
            } else if (vs < runEnd) {
                ve = runEnd; // inside a value already scanned (keeps this linear)
            } else {
                ve = vs;
                while (ve < n && !Character.isWhitespace(t.charAt(ve)) && t.charAt(ve) != '\'' && t.charAt(ve) != '"') {
                    ve++;
                }
                runEnd = ve;
            }
            spans.add(vs, ve);
            // go on right after the name: "--key P--password x" holds a second option in the value
            i = nameEnd - 1;
        }
    }

    private static boolean wordStart(char before) {
        return Character.isWhitespace(before) || before == '"' || before == '\'' || before == '(';
    }

    private static boolean optionChar(char c) {
        return (c < 128 && Character.isLetterOrDigit(c)) || c == '_' || c == '.' || c == '-';
    }

    private static boolean sensitiveOption(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (String w : SENSITIVE_OPTION_WORDS) {
            if (n.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static int lineEnd(String t, int from) {
        int nl = t.indexOf('\n', from);
        return nl < 0 ? t.length() : nl;
    }

    // ---- JWTs ---------------------------------------------------------------------------------------

    /**
     * header.payload.signature[.more]: the payload is base64url JSON ("eyJ"), the header any base64url run
     * of 4 or more (usually "eyJ" too, but it must not matter: a cut or an escape can eat its first letter).
     */
    private static void jwts(String t, Spans spans) {
        int n = t.length();
        int lastEnd = 0;
        for (int p = t.indexOf(".eyJ"); p >= 0; p = t.indexOf(".eyJ", p + 1)) {
            int h = p;
            while (h > lastEnd && p - h < 8192 && base64url(t.charAt(h - 1))) {
                h--; // bounded, and never back into the previous token: linear
            }
            int payloadEnd = runEnd(t, p + 1);
            if (p - h < 4 || payloadEnd >= n || t.charAt(payloadEnd) != '.') {
                continue;
            }
            int c = runEnd(t, payloadEnd + 1);
            while (c + 1 < n && t.charAt(c) == '.' && runEnd(t, c + 1) > c + 1) {
                c = runEnd(t, c + 1); // JWE has five parts, and a signature may run into more
            }
            spans.add(h, c);
            lastEnd = c;
            p = Math.max(p, c - 1);
        }
    }

    private static boolean base64url(char c) {
        return (c < 128 && Character.isLetterOrDigit(c)) || c == '-' || c == '_';
    }

    private static int runEnd(String t, int i) {
        while (i < t.length()) {
            char c = t.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && c != '-' && c != '_') {
                break;
            }
            i++;
        }
        return i;
    }
}
