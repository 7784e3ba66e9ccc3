package org.iisdiag.casefolder;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

import org.iisdiag.evidence.aggregate.AggregateFile;
import org.iisdiag.evidence.eventlog.EventLogReader;
import org.iisdiag.evidence.netsh.SslCertListingReader;
import org.iisdiag.evidence.w3c.LogKind;
import org.iisdiag.evidence.w3c.LogLayouts;
import org.iisdiag.facts.EvidenceKind;

/**
 * Recognises a file's kind from its first bytes (directives, root elements, JSON shape), falling back
 * on the name only where the content is not telling. Content wins so that renamed or loose files
 * still count.
 */
public final class EvidenceSniffer {
    /** How much of the start of a file is looked at. */
    public static final int HEAD_BYTES = 8192;
    /** The first line of the log collect/Collect-IisCase.ps1 writes next to what it collected. */
    public static final String COLLECTION_LOG_HEADER = "# Collect-IisCase";

    /** A #Fields directive naming the field (find(), not matches() over ".*": no backtracking over the head). */
    /** An HTML page, by its root element or doctype (a config or trace file is XML without one). */
    private static final Pattern HTML = Pattern.compile("(?i)<(?:!doctype\\s+html|html)\\b");
    /** The headline of an IIS, ANCM or ASP.NET error page ("HTTP Error 500.19 - ..."), or ASP.NET's "Server Error in". */
    private static final Pattern SAVED_ERROR_PAGE = Pattern.compile("(?i)HTTP Error \\d{3}|Server Error in '");
    /** The first bytes of a binary event log file: "ElfFile" and a NUL. */
    private static final byte[] EVTX_MAGIC = "ElfFile\0".getBytes(StandardCharsets.US_ASCII);
    /** Event Viewer's "Save All Events As" CSV header (its description column has no name). */
    private static final Pattern EVENT_VIEWER_CSV_HEADER = Pattern.compile("^\"?Level\"?,\"?Date and Time\"?,\"?Source\"?,\"?Event ID\"?");
    /** What only an error page's text says next to its headline: its detail sections and fields. */
    private static final Pattern PAGE_TEXT = Pattern.compile(
            "(?i)Detailed Error Information|Most likely causes|Exception Details:|\\bError Code[ \\t:]{1,20}0x[0-9a-f]{8}");
    private static final Pattern HTTPERR_FIELDS = Pattern.compile("#Fields:[^\n]*\\bs-reason\\b");
    private static final Pattern W3C_FIELDS = Pattern.compile("#Fields:[^\n]*\\bsc-status\\b");
    private static final Pattern W3C_DATA_LINE =
            Pattern.compile("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} \\S+( \\S+){8,}$", Pattern.MULTILINE);
    /** iisnode's log of node.exe's output: {@code <host>-<pid>-stderr-<epoch ms>.txt} (and -stdout-). */
    private static final Pattern IISNODE_LOG_NAME = Pattern.compile("[^\\/]*-\\d+-std(?:err|out)-\\d{10,}\\.txt");
    /** "[2025-01-09T10:00:00.123Z, PID: 1234] [aspnetcorev2.dll] ..." lines of the ANCM debug log. */
    private static final Pattern ANCM_DEBUG_LINE =
            Pattern.compile("^\\[[^\\]]*PID: \\d+\\] \\[aspnetcorev2", Pattern.MULTILINE);
    private static final Pattern IIS_NATIVE_LINE =
            Pattern.compile("^[0-9a-fA-F.:]+, [^,]*, \\d{1,2}/\\d{1,2}/\\d{2,4}, ", Pattern.MULTILINE);
    private static final Pattern NCSA_LINE =
            Pattern.compile("^\\S+ \\S+ \\S+ \\[\\d{2}/\\w{3}/\\d{4}:\\d{2}:\\d{2}:\\d{2} [+-]\\d{4}\\] \"", Pattern.MULTILINE);

    /** An entry of PHP's error log: "[11-Jun-2025 08:14:08 Europe/Berlin] PHP Fatal error:  ..." (the zone is optional). */
    private static final Pattern PHP_ERROR_LOG_LINE =
            Pattern.compile("^\\[\\d{2}-[A-Za-z]{3}-\\d{4} \\d{2}:\\d{2}:\\d{2}(?: [A-Za-z][A-Za-z0-9_+\\-/]{0,63})?\\] PHP [A-Z][a-z]+", Pattern.MULTILINE);

    /** An entry of wfastcgi's log (WSGI_LOG): "2025-06-12 09:14:03.120000: wfastcgi.py 3.0.0 started" or an error it reported. */
    private static final Pattern WSGI_LOG_LINE = Pattern.compile(
            "^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{6}: (?:wfastcgi\\.py |Error occurred|Unhandled exception in wfastcgi\\.py)",
            Pattern.MULTILINE);

    /** A line of {@code appcmd list apppool} or {@code appcmd list site}: APPPOOL "Name" (...state:...). */
    private static final Pattern APPCMD_LISTED = Pattern.compile("^\\s*(?:APPPOOL|SITE) \"[^\"]{1,260}\" \\([^\n]*state:", Pattern.MULTILINE);

    private EvidenceSniffer() {
    }

    public static EvidenceKind sniff(String fileName, byte[] head, int length) {
        if (startsWith(head, length, EVTX_MAGIC)) {
            return EvidenceKind.EVENT_LOG_EVTX;
        }
        String text = decodeHead(head, length);
        String lower = fileName.toLowerCase(Locale.ROOT);
        String baseName = lower.substring(Math.max(lower.lastIndexOf('/'), lower.lastIndexOf('\\')) + 1);
        if (baseName.equals("env.yaml") || baseName.equals("env.yml")) {
            return EvidenceKind.ENV_YAML;
        }
        if (text.startsWith(COLLECTION_LOG_HEADER)) {
            return EvidenceKind.COLLECTION_LOG;
        }
        if (LogLayouts.ftpDirectives(text)) {
            return EvidenceKind.FTP_LOG;
        }
        if (text.contains("#Software: Microsoft HTTP API")
                || HTTPERR_FIELDS.matcher(text).find()) {
            return EvidenceKind.HTTPERR_LOG;
        }
        if (text.contains("#Software: Microsoft Internet Information Services")
                || W3C_FIELDS.matcher(text).find()) {
            return EvidenceKind.IIS_W3C_LOG;
        }
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("<") && SAVED_ERROR_PAGE.matcher(trimmed).find() && HTML.matcher(trimmed).find()) {
            return EvidenceKind.SAVED_ERROR_PAGE;
        }
        if (trimmed.startsWith("<")) {
            return sniffXml(trimmed, baseName);
        }
        if (AggregateFile.recognise(trimmed)) {
            return EvidenceKind.FLEET_AGGREGATE;
        }
        if (trimmed.startsWith("{") && text.contains("\"log\"") && text.contains("\"entries\"")) {
            return EvidenceKind.HAR;
        }
        if (EventLogReader.isEventViewerText(text)) {
            return EvidenceKind.EVENT_LOG_TEXT;
        }
        if (SAVED_ERROR_PAGE.matcher(trimmed).find() && PAGE_TEXT.matcher(trimmed).find()) {
            return EvidenceKind.SAVED_ERROR_PAGE; // the page's text, copied from the browser
        }
        if (baseName.endsWith(".csv") && ((text.contains("TimeCreated") && text.contains("Id"))
                || EVENT_VIEWER_CSV_HEADER.matcher(text).find())) {
            return EvidenceKind.EVENT_LOG_CSV;
        }
        if (IISNODE_LOG_NAME.matcher(baseName).matches()) {
            return EvidenceKind.NODE_LOG;
        }
        if ((baseName.startsWith("stdout") && baseName.endsWith(".log")) || ANCM_DEBUG_LINE.matcher(text).find()
                || baseName.startsWith("aspnetcore-debug")) {
            return EvidenceKind.ANCM_STDOUT_LOG;
        }
        if (PHP_ERROR_LOG_LINE.matcher(text).find()) {
            return EvidenceKind.PHP_ERROR_LOG;
        }
        if (WSGI_LOG_LINE.matcher(text).find()) {
            return EvidenceKind.WSGI_LOG;
        }
        if (SslCertListingReader.ENDPOINT.matcher(text).find() && text.contains("Certificate Store Name")) {
            return EvidenceKind.NETSH_SSLCERT;
        }
        if (APPCMD_LISTED.matcher(text).find()) {
            return EvidenceKind.APPCMD_LISTING;
        }
        if (IIS_NATIVE_LINE.matcher(text).find() || NCSA_LINE.matcher(text).find()) {
            return EvidenceKind.IIS_NATIVE_LOG;
        }
        // A W3C log whose directives were cut off: its lines' shape tells IIS, HTTPERR and FTP apart.
        EvidenceKind byShape = byShape(text);
        if (byShape != null) {
            return byShape;
        }
        if (W3C_DATA_LINE.matcher(text).find()) {
            return baseName.startsWith("httperr") ? EvidenceKind.HTTPERR_LOG : EvidenceKind.IIS_W3C_LOG;
        }
        return EvidenceKind.UNKNOWN;
    }

    private static boolean startsWith(byte[] head, int length, byte[] magic) {
        if (length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static EvidenceKind byShape(String text) {
        LogKind kind = LogLayouts.builtIn().kindByShape(text);
        return kind == null ? null : switch (kind) {
            case IIS -> EvidenceKind.IIS_W3C_LOG;
            case HTTPERR -> EvidenceKind.HTTPERR_LOG;
            case FTP -> EvidenceKind.FTP_LOG;
        };
    }

    private static EvidenceKind sniffXml(String text, String baseName) {
        if (text.contains("<failedRequest")) {
            return EvidenceKind.FAILED_REQUEST_TRACE;
        }
        if (text.contains("<Event ") || text.contains("<Event>") || text.contains("<Events")) {
            return EvidenceKind.EVENT_LOG_XML;
        }
        if (text.contains("<configuration")) {
            if (text.contains("system.applicationHost") || baseName.equals("applicationhost.config")) {
                return EvidenceKind.APPLICATION_HOST_CONFIG;
            }
            return EvidenceKind.WEB_CONFIG;
        }
        return EvidenceKind.UNKNOWN;
    }

    /** Decodes the head as UTF-8, or UTF-16 when a BOM or NUL pattern says so (Get-WinEvent exports). */
    static String decodeHead(byte[] head, int length) {
        if (length >= 2 && (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)) {
            return new String(head, 2, length - 2, StandardCharsets.UTF_16LE);
        }
        if (length >= 2 && (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)) {
            return new String(head, 2, length - 2, StandardCharsets.UTF_16BE);
        }
        if (length >= 4 && head[1] == 0 && head[3] == 0 && head[0] != 0) {
            return new String(head, 0, length, StandardCharsets.UTF_16LE);
        }
        int start = length >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF ? 3 : 0;
        return new String(head, start, length - start, StandardCharsets.UTF_8).replace("\r", "");
    }
}
