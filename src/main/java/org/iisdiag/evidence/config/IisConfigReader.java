package org.iisdiag.evidence.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.iisdiag.evidence.EvidenceReader;
import org.iisdiag.evidence.FactRedaction;
import org.iisdiag.evidence.Limits;
import org.iisdiag.evidence.ReadReport;
import org.iisdiag.facts.ConfigFact;

/**
 * What both configuration readers share: parse the file hardened ({@link ConfigXml}), check that it is
 * a {@code <configuration>}, extract the facts ({@link ConfigExtractor}) and keep them across the
 * files of the case. {@link #facts()} orders them by file, then line, then document order, so the
 * result does not depend on the order files were read in.
 */
public abstract sealed class IisConfigReader implements EvidenceReader permits WebConfigReader, ApplicationHostConfigReader {
    private record Found(String file, long line, int seq, ConfigFact fact) {
    }

    private final List<Found> found = new ArrayList<>();

    IisConfigReader() {
    }

    @Override
    public void read(String displayName, String siteHint, InputStream in, ReadReport report) throws IOException {
        XmlElement root = ConfigXml.parse(displayName, in, report,
                bad -> found.add(new Found(displayName, bad.line(), 0, bad)));
        if (root == null) {
            return; // refused or not well-formed: report failed with file:line (a ConfigNotWellFormed for the latter)
        }
        if (!root.name().equals("configuration")) {
            report.fail(displayName + ":" + root.line() + ": the root element is <" + root.name()
                    + ">, not <configuration>: not an IIS configuration file");
            return;
        }
        checkKind(displayName, root, report);
        List<ConfigFact> facts = new ConfigExtractor(displayName, report, this instanceof ApplicationHostConfigReader).extract(root);
        int seq = 0;
        for (ConfigFact f : facts) {
            if (found.size() >= Limits.CONFIG_FACTS) {
                report.note(Limits.note("config-facts", Limits.CONFIG_FACTS, "the case has that many configuration"
                        + " facts; the rest of this file's (from line " + ConfigFact.line(f) + ") are not used"));
                break;
            }
            found.add(new Found(displayName, ConfigFact.line(f), seq++, f));
            report.addEntries(1);
        }
    }

    /** Notes a file whose content does not look like this reader's kind (it is read all the same). */
    abstract void checkKind(String displayName, XmlElement configuration, ReadReport report);

    @Override
    public List<Object> facts() {
        return FactRedaction.redact(found.stream()
                .sorted(Comparator.comparing(Found::file).thenComparingLong(Found::line).thenComparingInt(Found::seq))
                .map(f -> (Object) f.fact())
                .toList());
    }
}
