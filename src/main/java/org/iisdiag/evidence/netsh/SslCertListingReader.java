package org.iisdiag.evidence.netsh;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iisdiag.evidence.EvidenceReader;
import org.iisdiag.evidence.Limits;
import org.iisdiag.evidence.ReadReport;
import org.iisdiag.evidence.text.TextLines;
import org.iisdiag.facts.SampleLine;
import org.iisdiag.facts.SslCertBinding;

/**
 * Reads what {@code netsh http show sslcert} printed: one block per SSL binding, opened by its endpoint line
 * ({@code IP:port : 0.0.0.0:443}, {@code Hostname:port : shop.contoso.com:443}, {@code Central Certificate Store : 443})
 * and followed by "Name : value" lines. Prompts, headers and other commands' output around it are skipped. A
 * later block for the same endpoint wins (the last command run is the latest state). At most {@link #MAX_BINDINGS}.
 */
public final class SslCertListingReader implements EvidenceReader {
    public static final int MAX_BINDINGS = 500;

    /** The line that opens a binding's block. */
    public static final Pattern ENDPOINT =
            Pattern.compile("^\\s*(IP:port|Hostname:port|Central Certificate Store)\\s+:\\s*(\\S{1,300})\\s*$", Pattern.MULTILINE);
    /** A "Name : value" line inside a block (names are words and spaces; values may be empty). */
    private static final Pattern SETTING = Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9 .]{0,80}?)\\s+:\\s*(.{0,300}?)\\s*$");

    private final Map<String, SslCertBinding> bindings = new TreeMap<>();

    @Override
    public void read(String displayName, String siteHint, InputStream in, ReadReport report) throws IOException {
        Block[] open = {null};
        long[] blocks = {0};
        report.addLines(TextLines.forEach(in, (no, line) -> {
            Matcher opens = ENDPOINT.matcher(line);
            if (opens.matches()) {
                keep(open[0]);
                blocks[0]++;
                open[0] = new Block(opens.group(1), opens.group(2), new SampleLine(displayName, no, Limits.cut(line.strip(), 300)));
                return;
            }
            Matcher setting = SETTING.matcher(line);
            if (open[0] != null && setting.matches()) {
                open[0].settings.putIfAbsent(setting.group(1), setting.group(2));
            } else if (open[0] != null && !line.isBlank()) {
                keep(open[0]); // the block ended: a prompt or another command's output
                open[0] = null;
            }
        }));
        keep(open[0]);
        report.addEntries(blocks[0]);
    }

    private void keep(Block block) {
        if (block == null) {
            return;
        }
        String key = block.kind + " " + block.endpoint;
        if (bindings.size() < MAX_BINDINGS || bindings.containsKey(key)) {
            bindings.put(key, block.binding());
        }
    }

    @Override
    public List<Object> facts() {
        return new ArrayList<>(bindings.values());
    }

    /** The lines of one binding read so far. */
    private static final class Block {
        final String kind;
        final String endpoint;
        final SampleLine opening;
        final Map<String, String> settings = new LinkedHashMap<>();

        Block(String kind, String endpoint, SampleLine opening) {
            this.kind = kind;
            this.endpoint = endpoint;
            this.opening = opening;
        }

        SslCertBinding binding() {
            return new SslCertBinding(kind, endpoint, value("Certificate Hash"), value("Application ID"),
                    value("Certificate Store Name"), value("Negotiate Client Certificate"), value("DS Mapper Usage"),
                    List.of(opening));
        }

        private String value(String name) {
            String v = settings.getOrDefault(name, "");
            return v.equalsIgnoreCase("(null)") ? "" : v;
        }
    }
}
