package org.iisdiag.evidence.node;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iisdiag.evidence.EvidenceReader;
import org.iisdiag.evidence.Limits;
import org.iisdiag.evidence.ReadReport;
import org.iisdiag.evidence.Redactor;
import org.iisdiag.evidence.eventlog.TextDecoding;
import org.iisdiag.evidence.text.BoundedLineReader;
import org.iisdiag.facts.NodeProcessError;
import org.iisdiag.facts.SampleLine;

/**
 * Reads the stdout/stderr files iisnode keeps for a Node.js application ({@code <host>-<pid>-stderr-<ms>.txt}
 * in its {@code logDirectory}) into {@link NodeProcessError}s: the error node.exe printed before it ended
 * (the line "Error: ..." or "SomeError [ERR_X]: ...", with the lines that continue its message up to the
 * first stack frame), its {@code code: '...'}, the module it names, the application folder and the
 * "Node.js vX.Y.Z" line. Lines are redacted; at most {@link #MAX_KEYS} distinct errors are kept.
 */
public final class NodeLogReader implements EvidenceReader {
    public static final int MAX_KEYS = 50;
    static final int MAX_ERROR = 400;

    /** "Error: ...", "TypeError: ...", "Error [ERR_MODULE_NOT_FOUND]: ...", "Uncaught Error: ...". */
    private static final Pattern ERROR_LINE = Pattern.compile("^(?:Uncaught )?([A-Z]\\w*Error|Error)(?: \\[([A-Z0-9_]+)\\])?: (.+)$");
    private static final Pattern CODE = Pattern.compile("^\\s*code: '([A-Za-z0-9_]+)'");
    private static final Pattern VERSION = Pattern.compile("^Node\\.js (v\\d+\\.\\d+\\.\\d+)\\s*$");
    private static final Pattern FRAME = Pattern.compile("^\\s+at \\S");
    private static final Pattern MODULE_QUOTED = Pattern.compile("(?:Cannot find (?:module|package)|The module) '([^']{1,300})'");
    private static final Pattern APP_FROM_MODULES = Pattern.compile("(?:\\\\\\\\\\?\\\\)?([A-Za-z]:\\\\[^'\"()]*?)\\\\node_modules\\\\");
    private static final Pattern APP_FROM_FRAME = Pattern.compile("\\(?([A-Za-z]:\\\\[^:()]+)\\\\[^\\\\:()]+\\.[cm]?js:\\d+");

    private final Map<List<String>, Acc> errors = new TreeMap<>(java.util.Comparator.comparing((List<String> k) -> k.get(0))
            .thenComparing(k -> k.get(1)));
    private long folded;

    private static final class Acc {
        String module = "";
        String version = "";
        String app = "";
        long files;
        final List<SampleLine> samples = new ArrayList<>();
    }

    @Override
    public void read(String displayName, String siteHint, InputStream in, ReadReport report) throws IOException {
        String error = null;
        String code = "";
        String version = "";
        String app = "";
        SampleLine sample = null;
        boolean inMessage = false;
        try (BoundedLineReader r = new BoundedLineReader(TextDecoding.reader(in), Limits.LOG_LINE_CHARS)) {
            String line;
            long no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                String text = Redactor.DEFAULT.redact(line);
                Matcher e = ERROR_LINE.matcher(text.strip());
                if (error == null && e.matches()) {
                    error = e.group(1) + (e.group(2) == null ? "" : " [" + e.group(2) + "]") + ": " + e.group(3).strip();
                    code = e.group(2) == null ? "" : e.group(2);
                    sample = new SampleLine(displayName, no, Limits.cut(text.strip(), 300));
                    inMessage = true;
                    continue;
                }
                if (inMessage) {
                    if (text.isBlank() || FRAME.matcher(text).find()) {
                        inMessage = false;
                    } else {
                        error = Limits.cut(error + " " + text.strip(), MAX_ERROR);
                    }
                }
                Matcher c = CODE.matcher(text);
                if (c.find() && code.isEmpty()) {
                    code = c.group(1);
                }
                Matcher v = VERSION.matcher(text.strip());
                if (v.matches()) {
                    version = v.group(1);
                }
                if (app.isEmpty() && FRAME.matcher(text).find()) {
                    Matcher a = APP_FROM_FRAME.matcher(text);
                    if (a.find() && !a.group(1).contains("node:")) {
                        app = appFolder(a.group(1));
                    }
                }
            }
            report.addLines(no);
        }
        if (error == null) {
            report.note("no error line (\"Error: ...\") in this node.exe output");
            return;
        }
        error = Limits.cut(error, MAX_ERROR);
        String module = "";
        Matcher m = MODULE_QUOTED.matcher(error);
        if (m.find()) {
            module = packageOf(m.group(1));
        }
        Matcher a = APP_FROM_MODULES.matcher(error);
        if (a.find()) {
            app = a.group(1);
        }
        List<String> key = List.of(error, code);
        Acc acc = errors.get(key);
        if (acc == null) {
            if (errors.size() >= MAX_KEYS) {
                folded++;
                report.note("more than " + MAX_KEYS + " distinct node.exe errors: this one is not kept");
                return;
            }
            acc = new Acc();
            errors.put(key, acc);
        }
        acc.files++;
        acc.module = acc.module.isEmpty() ? module : acc.module;
        acc.version = version.isEmpty() ? acc.version : version;
        acc.app = acc.app.isEmpty() ? app : acc.app;
        if (acc.samples.size() < 3) {
            acc.samples.add(sample);
        }
    }

    /** The package a module path or name stands for: the folder under the last node_modules, else the name. */
    static String packageOf(String ref) {
        String r = ref.replace('/', '\\');
        int nm = r.lastIndexOf("node_modules\\");
        if (nm >= 0) {
            String rest = r.substring(nm + "node_modules\\".length());
            String[] parts = rest.split("\\\\");
            return parts.length > 1 && parts[0].startsWith("@") ? parts[0] + "/" + parts[1] : parts[0];
        }
        if (r.startsWith(".") || r.startsWith("\\") || r.matches("^[A-Za-z]:.*")) {
            return ref; // a file of the application, not a package
        }
        String[] parts = ref.split("/");
        return parts.length > 1 && parts[0].startsWith("@") ? parts[0] + "/" + parts[1] : parts[0];
    }

    /** The application folder of a script's folder: the part before node_modules when it is inside one. */
    private static String appFolder(String folder) {
        int nm = folder.indexOf("\\node_modules");
        return nm >= 0 ? folder.substring(0, nm) : folder;
    }

    @Override
    public List<Object> facts() {
        List<Object> out = new ArrayList<>();
        errors.forEach((k, a) -> out.add(new NodeProcessError(k.get(0), k.get(1), a.module, a.version, a.app, a.files,
                List.copyOf(a.samples))));
        return out;
    }
}
