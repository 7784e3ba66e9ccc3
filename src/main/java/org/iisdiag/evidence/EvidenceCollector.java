package org.iisdiag.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.iisdiag.casefolder.CaseFile;
import org.iisdiag.casefolder.CaseFolder;
import org.iisdiag.casefolder.UnreadableFile;
import org.iisdiag.evidence.config.ApplicationHostConfigReader;
import org.iisdiag.evidence.config.WebConfigReader;
import org.iisdiag.evidence.ancm.AncmLogReader;
import org.iisdiag.evidence.env.EnvFacts;
import org.iisdiag.evidence.eventlog.EventLogReader;
import org.iisdiag.evidence.freb.FrebReader;
import org.iisdiag.evidence.har.HarReader;
import org.iisdiag.evidence.env.EnvReader;
import org.iisdiag.evidence.httperr.HttpErrAggregator;
import org.iisdiag.evidence.httperr.HttpErrReader;
import org.iisdiag.evidence.w3c.IisLogAggregator;
import org.iisdiag.evidence.w3c.IisLogReader;
import org.iisdiag.facts.EvidenceKind;
import org.iisdiag.facts.EvidenceSource;
import org.iisdiag.facts.HttpErrCount;

/**
 * Reads every file of a scanned case with the reader for its kind, aggregating as it streams. A file
 * that fails is reported and the others go on; kinds this version does not read are listed as such.
 */
public final class EvidenceCollector {
    /** How many peak 5xx minutes the summary lists. */
    static final int PEAK_MINUTES = 5;

    /**
     * Readers for the kinds beyond the IIS/HTTPERR logs and env.yaml (which feed the case summary and
     * are handled below). A kind is read when it is {@link EvidenceKind#supported()} and has a reader.
     */
    private static Map<EvidenceKind, EvidenceReader> otherReaders() {
        Map<EvidenceKind, EvidenceReader> readers = new EnumMap<>(EvidenceKind.class);
        readers.put(EvidenceKind.WEB_CONFIG, new WebConfigReader());
        readers.put(EvidenceKind.APPLICATION_HOST_CONFIG, new ApplicationHostConfigReader());
        readers.put(EvidenceKind.FAILED_REQUEST_TRACE, new FrebReader());
        readers.put(EvidenceKind.HAR, new HarReader());
        // one reader for both export formats, so events aggregate across XML and CSV files
        EventLogReader events = new EventLogReader();
        readers.put(EvidenceKind.EVENT_LOG_XML, events);
        readers.put(EvidenceKind.EVENT_LOG_CSV, events);
        readers.put(EvidenceKind.ANCM_STDOUT_LOG, new AncmLogReader());
        return readers;
    }

    public CaseEvidence collect(String caseName, CaseFolder.Scan scan) {
        Map<EvidenceKind, EvidenceReader> others = otherReaders();
        IisLogAggregator iis = new IisLogAggregator();
        HttpErrAggregator httpErr = new HttpErrAggregator();
        IisLogReader iisReader = new IisLogReader(iis);
        HttpErrReader httpErrReader = new HttpErrReader(httpErr);
        EnvFacts env = EnvFacts.unknown();
        boolean envSeen = false;
        List<ReadReport> reports = new ArrayList<>();
        Map<EvidenceKind, long[]> present = new EnumMap<>(EvidenceKind.class);

        ServerFolders servers = ServerFolders.of(scan.files());
        for (CaseFile file : scan.files()) {
            ReadReport report = new ReadReport(file.name(), file.kind());
            reports.add(report);
            if (!file.kind().supported()) {
                continue;
            }
            try (InputStream in = file.open()) {
                switch (file.kind()) {
                    case IIS_W3C_LOG -> iisReader.read(file.name(), file.siteHint(), servers.of(file), in, report);
                    case HTTPERR_LOG -> httpErrReader.read(file.name(), servers.of(file), in, report);
                    case ENV_YAML -> {
                        if (envSeen) {
                            report.fail("a second env.yaml; only the first (in name order) is used");
                        } else {
                            envSeen = true;
                            env = new EnvReader().read(in, report);
                        }
                    }
                    default -> {
                        EvidenceReader reader = others.get(file.kind());
                        if (reader == null) {
                            throw new IllegalStateException("no reader for supported kind " + file.kind());
                        }
                        reader.read(file.name(), file.siteHint(), in, report);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // One bad file (truncated gzip, I/O error) must not stop the rest of the case.
                report.fail(describe(e) + (report.lines() > 0
                        ? " (the first " + report.lines() + " lines were read and are counted)" : ""));
            }
            file.notes().forEach(report::note); // limits the stream itself hit (decompression)
            if (!report.failed()) {
                long[] tally = present.computeIfAbsent(file.kind(), k -> new long[2]);
                tally[0]++;
                tally[1] += report.lines();
            }
        }
        for (UnreadableFile u : scan.unreadable()) {
            ReadReport report = new ReadReport(u.name(), EvidenceKind.UNKNOWN);
            report.fail(u.reason());
            reports.add(report);
        }
        reports.sort(java.util.Comparator.comparing(ReadReport::file));

        List<EvidenceSource> sources = new ArrayList<>();
        present.forEach((kind, t) -> sources.add(new EvidenceSource(kind, (int) t[0], t[1])));
        List<HttpErrCount> httpErrCounts = httpErr.counts();
        List<CaseEvidence.PeakMinute> peaks = iis.timeline().peaks(5, PEAK_MINUTES).stream()
                .filter(b -> b.count(5) > 0)
                .map(b -> new CaseEvidence.PeakMinute(b.start().toString(), b.count(5)))
                .toList();
        List<Object> otherFacts = new ArrayList<>(iis.classicAspErrors());
        others.values().stream().distinct().forEach(r -> otherFacts.addAll(r.facts()));
        return new CaseEvidence(caseName, List.copyOf(reports), env, List.copyOf(sources), List.copyOf(otherFacts),
                iis.statusCounts(),
                httpErrCounts, iis.timeTaken(), iis.window(), peaks,
                httpErrCounts.stream().mapToLong(HttpErrCount::count).sum());
    }

    private static String describe(Exception e) {
        String msg = e.getMessage();
        if (e instanceof java.util.zip.ZipException || e instanceof java.io.EOFException) {
            return "cannot read (corrupt or truncated compressed file): " + (msg == null ? e.getClass().getSimpleName() : msg);
        }
        return "cannot read: " + (msg == null ? e.getClass().getSimpleName() : msg);
    }
}
