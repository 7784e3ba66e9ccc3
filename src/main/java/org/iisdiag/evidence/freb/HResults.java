package org.iisdiag.evidence.freb;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HRESULTs as FREB writes them: EventData holds the unsigned decimal (2147942405), RenderingInfo the
 * text with the hex in brackets ("Access is denied. (0x80070005)"). A few common codes are described
 * here for traces whose rendering is missing.
 */
final class HResults {
    private static final Pattern HEX_IN_TEXT = Pattern.compile("\\(?\\s*(0x[0-9a-fA-F]{1,8})\\s*\\)?\\s*$");

    private static final Map<Long, String> KNOWN = Map.ofEntries(
            Map.entry(0x0L, "The operation completed successfully."),
            Map.entry(0x80070002L, "The system cannot find the file specified."),
            Map.entry(0x80070003L, "The system cannot find the path specified."),
            Map.entry(0x80070005L, "Access is denied."),
            Map.entry(0x8007000dL, "The data is invalid."),
            Map.entry(0x80070020L, "The process cannot access the file because it is being used by another process."),
            Map.entry(0x80070032L, "The request is not supported."),
            Map.entry(0x80070057L, "The parameter is incorrect."),
            Map.entry(0x8007007eL, "The specified module could not be found."),
            Map.entry(0x800700b7L, "Cannot create a file when that file already exists."),
            Map.entry(0x800704cdL, "An operation was attempted on a nonexistent network connection."),
            Map.entry(0x8007052eL, "The user name or password is incorrect."),
            Map.entry(0x80004005L, "Unspecified error"),
            Map.entry(0x80072ee2L, "The operation timed out"),
            Map.entry(0x80072ee7L, "The server name or address could not be resolved"),
            Map.entry(0x80072efdL, "A connection with the server could not be established"),
            Map.entry(0x80072efeL, "The connection with the server was terminated abnormally"),
            Map.entry(0x80072f78L, "The server returned an invalid or unrecognized response"),
            Map.entry(0x80072f8fL, "A security error occurred"));

    private HResults() {
    }

    /** "0x8007000d" from "2147942413", "0x8007000D", "-2147024883" or a text ending in "(0x8007000d)"; "" if none. */
    static String hex(String raw) {
        Long v = value(raw);
        return v == null ? "" : "0x" + Long.toHexString(v).toLowerCase(Locale.ROOT);
    }

    static Long value(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.trim();
        if (s.isEmpty()) {
            return null;
        }
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) {
                return Long.parseLong(s.substring(2), 16) & 0xFFFFFFFFL;
            }
            return Long.parseLong(s) & 0xFFFFFFFFL;
        } catch (NumberFormatException e) {
            Matcher m = HEX_IN_TEXT.matcher(s);
            if (m.find()) {
                return Long.parseLong(m.group(1).substring(2), 16) & 0xFFFFFFFFL;
            }
            return null;
        }
    }

    /** The rendered text without its trailing "(0x...)" and with whitespace collapsed. */
    static String describe(String rendered, String hex) {
        if (rendered != null && !rendered.isBlank()) {
            String text = HEX_IN_TEXT.matcher(rendered.strip()).replaceFirst("");
            text = text.replaceAll("\\s+", " ").strip();
            if (!text.isEmpty() && !text.matches("\\d+")) {
                return text;
            }
        }
        if (hex.isEmpty()) {
            return "";
        }
        return KNOWN.getOrDefault(Long.parseLong(hex.substring(2), 16), "");
    }
}
