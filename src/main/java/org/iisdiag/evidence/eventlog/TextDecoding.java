package org.iisdiag.evidence.eventlog;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes exported text the way Windows writes it: a byte-order mark decides (UTF-8, UTF-16 LE as Windows
 * PowerShell writes, UTF-16 BE) and is skipped; without one, UTF-16 is recognised from its zero bytes, an
 * XML declaration's {@code encoding} is honoured, and UTF-8 is the default. Undecodable bytes become
 * U+FFFD instead of failing the file.
 */
public final class TextDecoding {
    private static final Pattern XML_ENCODING = Pattern.compile("^<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");

    private TextDecoding() {
    }

    /** The charset of {@code in}, which must support mark/reset; the BOM, if any, is consumed. */
    public static Charset detect(BufferedInputStream in) throws IOException {
        in.mark(512);
        byte[] head = in.readNBytes(512);
        in.reset();
        int n = head.length;
        if (n >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            in.skipNBytes(3);
            return StandardCharsets.UTF_8;
        }
        if (n >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
            in.skipNBytes(2);
            return StandardCharsets.UTF_16LE;
        }
        if (n >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
            in.skipNBytes(2);
            return StandardCharsets.UTF_16BE;
        }
        if (n >= 2 && head[0] != 0 && head[1] == 0) {
            return StandardCharsets.UTF_16LE;
        }
        if (n >= 2 && head[0] == 0 && head[1] != 0) {
            return StandardCharsets.UTF_16BE;
        }
        Matcher m = XML_ENCODING.matcher(new String(head, StandardCharsets.ISO_8859_1));
        if (m.find()) {
            try {
                Charset cs = Charset.forName(m.group(1));
                // a UTF-16 declaration without zero bytes is wrong; the bytes are the better witness
                if (!cs.name().startsWith("UTF-16")) {
                    return cs;
                }
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                // fall through to UTF-8
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** A reader over {@code in} in its detected charset, BOM skipped. */
    public static Reader reader(InputStream in) throws IOException {
        BufferedInputStream b = in instanceof BufferedInputStream bis ? bis : new BufferedInputStream(in, 65536);
        Charset cs = detect(b);
        CharsetDecoder dec = cs.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new InputStreamReader(b, dec);
    }
}
