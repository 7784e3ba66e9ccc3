package org.iisdiag.evidence.appcmd;

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
import org.iisdiag.evidence.text.TextLines;
import org.iisdiag.facts.AppPoolState;
import org.iisdiag.facts.SampleLine;
import org.iisdiag.facts.SiteState;

/**
 * Reads what {@code appcmd list apppool} and {@code appcmd list site} printed, as engineers paste it into a
 * case (prompt lines, other commands' output and blank lines around it are skipped):
 * {@code APPPOOL "Name" (MgdVersion:v4.0,MgdMode:Integrated,state:Stopped)} and
 * {@code SITE "Name" (id:2,bindings:http/*:80:,https/*:443:,state:Started)}. Later listings of the same
 * pool or site win (the last command run is the latest state). At most {@link #MAX_ENTRIES} of each.
 */
public final class AppcmdListReader implements EvidenceReader {
    public static final int MAX_ENTRIES = 500;

    /** One listed object: its kind, quoted name and the attribute list in parentheses. */
    public static final Pattern LISTED = Pattern.compile("^\\s*(APPPOOL|SITE) \"([^\"]{1,260})\" \\((.{0,4000})\\)\\s*$");
    private static final Pattern STATE = Pattern.compile("(?:^|,)state:([A-Za-z]+)");
    private static final Pattern RUNTIME = Pattern.compile("(?:^|,)MgdVersion:([^,]*)");
    private static final Pattern PIPELINE = Pattern.compile("(?:^|,)MgdMode:([^,]*)");
    private static final Pattern ID = Pattern.compile("(?:^|,)id:(\\d{1,9})(?:,|$)");
    // bindings hold commas of their own: everything up to ",state:" (or the end)
    private static final Pattern BINDINGS = Pattern.compile("(?:^|,)bindings:(.*?)(?:,state:|$)");

    private final Map<String, AppPoolState> pools = new TreeMap<>();
    private final Map<String, SiteState> sites = new TreeMap<>();

    @Override
    public void read(String displayName, String siteHint, InputStream in, ReadReport report) throws IOException {
        report.addLines(TextLines.forEach(in, (no, line) -> {
            Matcher m = LISTED.matcher(line);
            if (!m.matches()) {
                return; // the prompt, another command's output, a blank line
            }
            String name = m.group(2);
            String attrs = m.group(3);
            String state = group(STATE, attrs);
            if (state.isEmpty()) {
                report.reject(no, m.group(1) + " \"" + name + "\" without a state");
                return;
            }
            List<SampleLine> sample = List.of(new SampleLine(displayName, no, Limits.cut(line.strip(), 300)));
            if (m.group(1).equals("APPPOOL")) {
                if (pools.size() < MAX_ENTRIES || pools.containsKey(name)) {
                    pools.put(name, new AppPoolState(name, state, group(RUNTIME, attrs), group(PIPELINE, attrs), sample));
                }
            } else if (sites.size() < MAX_ENTRIES || sites.containsKey(name)) {
                String id = group(ID, attrs);
                sites.put(name, new SiteState(name, id.isEmpty() ? -1 : Long.parseLong(id), group(BINDINGS, attrs),
                        state, sample));
            }
        }));
    }

    private static String group(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1).strip() : "";
    }

    @Override
    public List<Object> facts() {
        List<Object> out = new ArrayList<>(pools.values());
        out.addAll(sites.values());
        return out;
    }
}
