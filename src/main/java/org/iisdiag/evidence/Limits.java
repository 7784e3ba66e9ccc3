package org.iisdiag.evidence;

import java.util.Locale;

/**
 * Every bound the case-folder walk and the readers of web.config, applicationHost.config, FREB, event
 * logs, ANCM logs, HAR and env.yaml keep, in one place (README "Limits" lists them). Hostile or odd
 * evidence hits one of these instead of the heap: the reader keeps what it read up to the limit and the
 * file's entry in the report's inputs gets a note naming the limit ({@link #note}).
 */
public final class Limits {
    // ---- values -----------------------------------------------------------------------------------
    /** Characters kept of one XML value (attribute, text, comment, CDATA) in a configuration file. */
    public static final int CONFIG_VALUE_CHARS = 16_384;
    /**
     * Characters kept of one XML value of a Failed Request Tracing file: the request headers of a trace are one
     * value, and HTTP.sys accepts up to 16 KB of them by default (MaxRequestBytes), so a header that request
     * filtering refused as too long (404.10) is measured whole.
     */
    public static final int FREB_VALUE_CHARS = 16_384;
    /** Characters kept of one XML value of an event-log export (a rendered message with its stack). */
    public static final int EVENT_VALUE_CHARS = 32_768;
    /** Characters kept of one CSV field of a Get-WinEvent export. */
    public static final int CSV_FIELD_CHARS = 32_768;
    /** Fields kept of one CSV record (Get-WinEvent writes about 25). */
    public static final int CSV_FIELDS = 256;
    /** Characters kept of one line of an ANCM stdout or debug log. */
    public static final int LOG_LINE_CHARS = 65_536;
    /** Characters kept of one JSON string of a HAR capture (error pages are read up to 64 KiB). */
    public static final int JSON_STRING_CHARS = 262_144;
    /** Characters of one XML tag outside its values (names, spacing); beyond, the file is not XML we read. */
    public static final int XML_TAG_CHARS = 65_536;
    /** Attribute value characters kept per XML tag, all values together. */
    public static final int XML_TAG_VALUE_CHARS = 1_048_576;
    /** Attributes of one XML element. */
    public static final int XML_ATTRIBUTES = 256;
    /** Nesting depth of XML elements. */
    public static final int XML_DEPTH = 256;
    /** Bytes of env.yaml (a hand-written file of a few lines). */
    public static final int ENV_YAML_BYTES = 1_048_576;

    /** {@code s} kept to {@code max} characters, the last three of them "..." when it was longer. */
    public static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    // ---- keys per aggregator ----------------------------------------------------------------------
    /** Elements kept of one configuration file. */
    public static final int CONFIG_ELEMENTS = 100_000;
    /** Configuration facts kept per case. */
    public static final int CONFIG_FACTS = 20_000;
    /** Data items kept per FREB or event-log event. */
    public static final int EVENT_DATA_ITEMS = 64;
    /** Notes kept per file; further ones are counted. */
    public static final int NOTES_PER_FILE = 50;

    // ---- the case folder --------------------------------------------------------------------------
    /** Files read per case (archive members count); further files are listed as one entry, not read. */
    public static final int FILES_PER_CASE = 50_000;
    /** Decompressed bytes read of one archive member or .gz file. */
    public static final long MEMBER_BYTES = 4L << 30;
    /** Decompressed bytes read of all archive members and .gz files of a case. */
    public static final long CASE_DECOMPRESSED_BYTES = 32L << 30;
    /** Decompressed / compressed size, per member and per case, once past {@link #RATIO_FLOOR_BYTES}. */
    public static final int COMPRESSION_RATIO = 200;
    /** Below this many decompressed bytes the ratio is not checked (small files compress very well). */
    public static final long RATIO_FLOOR_BYTES = 64L << 20;

    private Limits() {
    }

    /** The note a file gets when a limit was hit: "limit NAME (VALUE) reached: what happened". */
    public static String note(String name, long value, String what) {
        return "limit " + name + " (" + number(value) + ") reached: " + what;
    }

    /** 12,345 whatever the default locale. */
    public static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
