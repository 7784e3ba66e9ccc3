package org.iisdiag.evidence.ancm;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iisdiag.evidence.DotNetHostMessages;
import org.iisdiag.evidence.EvidenceReader;
import org.iisdiag.evidence.FactRedaction;
import org.iisdiag.evidence.Limits;
import org.iisdiag.evidence.ReadReport;
import org.iisdiag.evidence.Redactor;
import org.iisdiag.evidence.eventlog.TextDecoding;
import org.iisdiag.evidence.text.BoundedLineReader;
import org.iisdiag.facts.AncmLogFinding;
import org.iisdiag.facts.AncmLogKind;
import org.iisdiag.facts.HostingEnvironment;
import org.iisdiag.facts.SampleLine;

/**
 * Reads ASP.NET Core Module stdout logs ({@code stdout_<yyyyMMddHHmmss>_<pid>.log}: what the app and hostfxr
 * wrote to stdout/stderr) and the ANCM debug log ({@code aspnetcore-debug.log}, lines
 * {@code [2025-01-09T10:00:00.123Z, PID: 1234] [aspnetcorev2.dll] message}), line by line, into
 * {@link AncmLogFinding}s aggregated by (kind, detail) across files, and {@link HostingEnvironment}s.
 * Stack frames and ordinary information lines are read and counted but make no finding. Bounded: at
 * most {@link #MAX_KEYS} distinct findings (further ones fold into OTHER "(more distinct findings)"),
 * details of at most {@link #MAX_DETAIL} chars, sample lines redacted and capped.
 */
public final class AncmLogReader implements EvidenceReader {
    public static final int MAX_KEYS = 200;
    public static final int MAX_DETAIL = 300;
    static final int MAX_SAMPLE = 300;
    static final int SAMPLES = 3;
    static final String FOLDED = "(more distinct findings)";

    private static final Pattern STDOUT_NAME = Pattern.compile("_(\\d{14})_(\\d+)\\.log$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DEBUG_LINE = Pattern.compile(
            "^\\[(\\d{4}-\\d\\d-\\d\\dT[^,\\]]*), PID: (\\d+)\\] \\[([^\\]]*)\\] ?(.*)$");
    private static final Pattern HRESULT = Pattern.compile("Failed HRESULT returned: (0x[0-9A-Fa-f]{1,8})");
    private static final Pattern UNHANDLED = Pattern.compile("Unhandled [Ee]xception[.:]\\s*([\\w.`+]+(?: \\((?:0x[0-9A-Fa-f]{1,8}|-?\\d{1,10})\\))?(?::.*)?)$");
    private static final Pattern EXCEPTION_AT_START = Pattern.compile("^\\s*(?:---> )?((?:System|Microsoft)\\.[\\w.`+]*Exception(?: \\((?:0x[0-9A-Fa-f]{1,8}|-?\\d{1,10})\\))?(?::.*)?)$");
    private static final Pattern LOGGER = Pattern.compile("^(crit|fail|warn): (\\S+)\\s*$");
    private static final Pattern INFO_LOGGER = Pattern.compile("^(?:info|dbug|trce): (\\S+)\\s*$");
    private static final Pattern STACK_FRAME = Pattern.compile("^\\s+at \\S|^\\s*--- End of (?:inner exception|stack trace)");
    /** A certificate named by its SHA-1 thumbprint on a line of the app's output ("Loading certificate 7C4E...", "Thumbprint: ..."). */
    private static final Pattern CERTIFICATE = Pattern.compile(
            "(?i)\\b(?:certificate|cert|thumbprint)\\b[^\\r\\n]{0,120}?(?<![0-9A-Fa-f])([0-9A-Fa-f]{40})(?![0-9A-Fa-f])");
    /** Host Filtering middleware's NoAllowedHostMatched (event 6) message, on its own line or after the category. */
    private static final Pattern HOST_NOT_ALLOWED = Pattern.compile("The host '([^'\\s]{1,255})' does not match an allowed host\\.");
    private static final Pattern HOSTING_ENV = Pattern.compile("Hosting environment: ?(\\S+)");
    private static final Pattern LISTENING = Pattern.compile("Now listening on: (\\S+?)(?::\\d+)?/?\\s*$");
    private static final Pattern BAD_IMAGE = Pattern.compile("System\\.BadImageFormatException:?\\s*(.*)$");
    private static final Pattern MISSING_FILE = Pattern.compile(
            "((?:System\\.IO\\.File(?:NotFound|Load)Exception:\\s*)?Could not load file or assembly.*|System\\.IO\\.FileNotFoundException:?.*)$");
    /** Phrases of a port that cannot be bound (compared lower-case); a plain search, never ".*x.*" around find(). */
    private static final List<String> PORT_PHRASES = List.of("failed to bind to address", "address already in use",
            "only one usage of each socket address");

    private final Map<List<Object>, Acc> findings = new HashMap<>();
    private final Map<String, Acc> environments = new HashMap<>();
    private long folded;
    /** The file being read, so findings can mark it as concluded. */
    private FileState current;

    private static final class Acc {
        final AncmLogKind kind;
        final String detail;
        final long pid;
        long count;
        final List<SampleLine> samples = new ArrayList<>(SAMPLES);

        Acc(AncmLogKind kind, String detail, long pid) {
            this.kind = kind;
            this.detail = detail;
            this.pid = pid;
        }

        void add(SampleLine s) {
            count++;
            if (samples.size() < SAMPLES) {
                samples.add(s);
            }
        }
    }

    /** Per-file state: the line that announces what the next line says. */
    private final class FileState {
        final String file;
        final long filePid;
        final ReadReport report;
        SampleLine pendingFramework;
        long pendingFrameworkPid;
        /** The frameworks this file already named: one process fails once, though a host may name it twice. */
        final Set<String> frameworks = new HashSet<>();
        String pendingLogger;
        /** What the pending logger entry becomes: a warning (OTHER), a start-up failure or a request's error. */
        AncmLogKind pendingKind;
        /** The file said the app started ("Application started", "Now listening on:"): a fail:/crit: entry after that is a request's. */
        boolean started;
        /** The last line that said something was an exception line: a "---> Inner" line after it is its inner exception. */
        boolean afterException;
        SampleLine pendingLoggerSample;
        long pendingLoggerPid;
        /** An info:/dbug: entry's category whose message is on the next (indented) line. */
        String pendingInfo;
        SampleLine pendingInfoSample;
        /** The last info:/dbug: entry read ("category: message") and where. */
        String lastStep;
        SampleLine lastStepSample;
        /** The file reported a start or a failure: its last step is not where it stopped. */
        boolean concluded;

        FileState(String file, long filePid, ReadReport report) {
            this.file = file;
            this.filePid = filePid;
            this.report = report;
        }

        void flush() {
            if (pendingFramework != null) {
                add(AncmLogKind.MISSING_FRAMEWORK, "", pendingFrameworkPid, pendingFramework, report);
                pendingFramework = null;
            }
            if (pendingLogger != null) {
                add(pendingKind, pendingLogger, pendingLoggerPid, pendingLoggerSample, report);
                pendingLogger = null;
            }
        }

        /** A crit:/fail: entry or exception line: a start-up failure until the app said it started, then a request's error. */
        AncmLogKind failureKind() {
            return started ? AncmLogKind.REQUEST_ERROR : AncmLogKind.STARTUP_EXCEPTION;
        }
    }

    @Override
    public void read(String displayName, String siteHint, InputStream in, ReadReport report) throws IOException {
        Matcher name = STDOUT_NAME.matcher(displayName);
        long filePid = name.find() ? parseLong(name.group(2)) : 0;
        long foldedBefore = folded;
        FileState st = new FileState(displayName, filePid, report);
        current = st;
        boolean debugLines = false;
        try (BoundedLineReader r = new BoundedLineReader(TextDecoding.reader(in), Limits.LOG_LINE_CHARS)) {
            String line;
            long no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                Matcher d = DEBUG_LINE.matcher(line);
                if (d.matches()) {
                    debugLines = true;
                    debugLine(st, no, line, parseLong(d.group(2)), d.group(4));
                } else {
                    stdoutLine(st, no, line, filePid);
                }
            }
            st.flush();
            if (!st.concluded && st.lastStep != null && !debugLines) {
                add(AncmLogKind.LAST_STEP, st.lastStep, filePid, st.lastStepSample, report);
            }
            report.addLines(no);
            if (r.truncatedLines() > 0) {
                report.note(Limits.note("log-line-chars", Limits.LOG_LINE_CHARS, Limits.number(r.truncatedLines())
                        + " lines longer than that were cut to their first characters (the first at line "
                        + r.firstTruncatedLine() + ")"));
            }
        }
        if (filePid == 0 && !debugLines) {
            report.note("the process id is unknown: the file name is not stdout_<yyyyMMddHHmmss>_<pid>.log");
        }
        if (folded > foldedBefore) {
            report.note("more than " + MAX_KEYS + " distinct findings: further ones are counted as OTHER " + FOLDED);
        }
    }

    private void debugLine(FileState st, long no, String line, long pid, String message) {
        Matcher h = HRESULT.matcher(message);
        if (h.find()) {
            add(AncmLogKind.DEBUG_LOG_HRESULT, h.group(1).toLowerCase(Locale.ROOT), pid, sample(st, no, line), st.report);
            return;
        }
        stdoutLine(st, no, message, pid, line);
    }

    private void stdoutLine(FileState st, long no, String line, long pid) {
        stdoutLine(st, no, line, pid, line);
    }

    /** Classifies {@code text} (a stdout line, or a debug line's message); {@code raw} is the sample. */
    private void stdoutLine(FileState st, long no, String text, long pid, String raw) {
        if (st.pendingInfo != null) {
            String t = text.strip();
            if (!t.isEmpty() && Character.isWhitespace(text.charAt(0))) {
                st.lastStep = st.pendingInfo + ": " + t;
                st.lastStepSample = st.pendingInfoSample;
            }
            st.pendingInfo = null;
        }
        if (st.pendingLogger != null) {
            String t = text.strip();
            if (!t.isEmpty() && Character.isWhitespace(text.isEmpty() ? 'x' : text.charAt(0))) {
                // Kestrel's "Overriding address(es)" warning: the app did not take the address it was given
                Matcher o = DotNetHostMessages.KESTREL_OVERRIDES_ADDRESSES.matcher(t);
                boolean overrides = o.find();
                add(overrides ? AncmLogKind.PORT_BIND : st.pendingKind, overrides ? o.group() : st.pendingLogger + " " + t,
                        st.pendingLoggerPid, st.pendingLoggerSample, st.report);
                st.pendingLogger = null;
                return;
            }
            add(st.pendingKind, st.pendingLogger, st.pendingLoggerPid, st.pendingLoggerSample, st.report);
            st.pendingLogger = null;
        }
        if (text.isBlank() || STACK_FRAME.matcher(text).find()) {
            return;
        }
        boolean afterException = st.afterException;
        st.afterException = false;
        Matcher host = HOST_NOT_ALLOWED.matcher(text);
        if (host.find()) {
            add(AncmLogKind.HOST_NOT_ALLOWED, host.group(1).toLowerCase(Locale.ROOT), pid, sample(st, no, raw), st.report);
            return;
        }
        // the announcing line: the older hosts' words, or since .NET 6 "You must install or update .NET to run
        // this application." (the same message may hold both)
        if (text.contains("It was not possible to find any compatible framework version")
                || text.contains("You must install or update .NET to run this application")) {
            if (st.pendingFramework != null) {
                add(AncmLogKind.MISSING_FRAMEWORK, "", st.pendingFrameworkPid, st.pendingFramework, st.report);
            }
            st.pendingFramework = sample(st, no, raw);
            st.pendingFrameworkPid = pid;
            return;
        }
        Matcher m = DotNetHostMessages.FRAMEWORK_NOT_FOUND.matcher(text);
        if (m.find()) {
            String detail = m.group(1) + " " + m.group(2) + (m.group(3) == null ? "" : " (" + m.group(3) + ")");
            SampleLine at = st.pendingFramework != null ? st.pendingFramework : sample(st, no, raw);
            if (st.frameworks.add(detail)) {
                add(AncmLogKind.MISSING_FRAMEWORK, detail, pid, at, st.report);
            }
            st.pendingFramework = null;
            return;
        }
        if (text.contains("Did you mean to run dotnet SDK commands?")) {
            add(AncmLogKind.SDK_COMMAND, "", pid, sample(st, no, raw), st.report);
            return;
        }
        if ((m = DotNetHostMessages.APP_NOT_FOUND.matcher(text)).find()) {
            add(AncmLogKind.APP_NOT_FOUND, (m.group(1) != null ? m.group(1) : m.group(2)).strip(), pid, sample(st, no, raw), st.report);
            return;
        }
        if ((m = DotNetHostMessages.DEPS_ASSEMBLY_MISSING.matcher(text)).find()) {
            add(AncmLogKind.MISSING_FILE, m.group().strip(), pid, sample(st, no, raw), st.report);
            return;
        }
        if ((m = BAD_IMAGE.matcher(text)).find()) {
            add(AncmLogKind.BAD_IMAGE_FORMAT, m.group(1).strip(), pid, sample(st, no, raw), st.report);
            return;
        }
        Matcher overrides = DotNetHostMessages.KESTREL_OVERRIDES_ADDRESSES.matcher(text);
        if (overrides.find()) {
            add(AncmLogKind.PORT_BIND, overrides.group(), pid, sample(st, no, raw), st.report);
            return;
        }
        String portDetail = portBind(text);
        if (portDetail != null) {
            add(AncmLogKind.PORT_BIND, portDetail, pid, sample(st, no, raw), st.report);
            return;
        }
        if ((m = MISSING_FILE.matcher(text)).find()) {
            add(AncmLogKind.MISSING_FILE, m.group(1).strip(), pid, sample(st, no, raw), st.report);
            return;
        }
        if ((m = UNHANDLED.matcher(text)).find()) {
            add(AncmLogKind.STARTUP_EXCEPTION, m.group(1).strip(), pid, sample(st, no, raw), st.report);
            st.afterException = true;
            return;
        }
        if ((m = INFO_LOGGER.matcher(text)).find()) {
            st.pendingInfo = m.group(1);
            st.pendingInfoSample = sample(st, no, raw);
            return;
        }
        if ((m = LOGGER.matcher(text)).find()) {
            // the entry's message is on the next (indented) line: "warn: Category[50]" + "Using an in-memory repository ..."
            st.pendingKind = m.group(1).equals("warn") ? AncmLogKind.OTHER : st.failureKind();
            st.pendingLogger = m.group(1) + ": " + m.group(2);
            st.pendingLoggerSample = sample(st, no, raw);
            st.pendingLoggerPid = pid;
            return;
        }
        if (text.contains("Application started")) {
            add(AncmLogKind.HOSTING_STARTED, "Application started", pid, sample(st, no, raw), st.report);
            st.started = true;
            return;
        }
        if ((m = LISTENING.matcher(text)).find()) {
            // the port is random per process out-of-process: left out so starts aggregate
            add(AncmLogKind.HOSTING_STARTED, "Now listening on: " + m.group(1), pid, sample(st, no, raw), st.report);
            st.started = true;
            return;
        }
        if ((m = HOSTING_ENV.matcher(text)).find()) {
            String env = Limits.cut(m.group(1), 100);
            Acc acc = environments.computeIfAbsent(env, k -> environments.size() < MAX_KEYS ? new Acc(AncmLogKind.OTHER, k, pid) : null);
            if (acc != null) {
                acc.add(sample(st, no, raw));
                st.report.addEntries(1);
            }
            return;
        }
        if ((m = EXCEPTION_AT_START.matcher(text)).find()) {
            // an exception line without "Unhandled exception." (e.g. the body of a fail: entry); the inner
            // exception of the one just read ("---> System.X (11001): ...") is part of it, not a failure of its own
            boolean inner = afterException && text.strip().startsWith("--->");
            add(inner ? AncmLogKind.OTHER : st.failureKind(), (inner ? "inner exception: " : "") + m.group(1).strip(),
                    pid, sample(st, no, raw), st.report);
            st.afterException = true;
            return;
        }
        if ((m = CERTIFICATE.matcher(text)).find()) {
            add(AncmLogKind.CERTIFICATE, m.group(1).toUpperCase(Locale.ROOT), pid, sample(st, no, raw), st.report);
            return;
        }
        String lower = text.strip().toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return; // links hostfxr prints (".../app-launch-failed")
        }
        if (lower.contains("error") || lower.contains("exception") || lower.contains("failed")) {
            add(AncmLogKind.OTHER, text.strip(), pid, sample(st, no, raw), st.report);
        }
    }

    /** The line from "Failed to bind to address" on, or the whole line naming the other phrases; null otherwise. */
    private static String portBind(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String phrase : PORT_PHRASES.subList(1, PORT_PHRASES.size())) {
            if (lower.contains(phrase)) {
                return text.strip();
            }
        }
        int bind = lower.indexOf(PORT_PHRASES.get(0));
        return bind < 0 ? null : text.substring(bind).strip();
    }

    private SampleLine sample(FileState st, long no, String raw) {
        return new SampleLine(st.file, no, Limits.cut(Redactor.DEFAULT.redact(raw.strip()), MAX_SAMPLE));
    }

    private void add(AncmLogKind kind, String detail, long pid, SampleLine sample, ReadReport report) {
        if (current != null && kind != AncmLogKind.OTHER && kind != AncmLogKind.CERTIFICATE && kind != AncmLogKind.LAST_STEP) {
            current.concluded = true;
        }
        String d = Limits.cut(Redactor.DEFAULT.redact(detail), MAX_DETAIL);
        List<Object> key = List.of(kind, d);
        Acc acc = findings.get(key);
        if (acc == null) {
            if (findings.size() >= MAX_KEYS) {
                folded++;
                key = List.of(AncmLogKind.OTHER, FOLDED);
                acc = findings.computeIfAbsent(key, k -> new Acc(AncmLogKind.OTHER, FOLDED, pid));
            } else {
                acc = new Acc(kind, d, pid);
                findings.put(key, acc);
            }
        }
        acc.add(sample);
        report.addEntries(1);
    }

    /** Findings by kind (in {@link AncmLogKind} order) then detail, then the hosting environments by name. */
    @Override
    public List<Object> facts() {
        List<Object> out = new ArrayList<>();
        findings.values().stream()
                .sorted(Comparator.comparing((Acc a) -> a.kind).thenComparing(a -> a.detail))
                .forEach(a -> out.add(new AncmLogFinding(a.kind, a.detail, a.pid, a.count, List.copyOf(a.samples))));
        environments.values().stream().sorted(Comparator.comparing(a -> a.detail))
                .forEach(a -> out.add(new HostingEnvironment(a.detail, a.count, List.copyOf(a.samples))));
        return FactRedaction.redact(out);
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
