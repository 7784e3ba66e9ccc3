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
import org.iisdiag.evidence.aggregate.AggregateFile;
import org.iisdiag.evidence.config.ApplicationHostConfigReader;
import org.iisdiag.evidence.config.WebConfigReader;
import org.iisdiag.evidence.ancm.AncmLogReader;
import org.iisdiag.evidence.env.EnvFacts;
import org.iisdiag.evidence.eventlog.EventLogReader;
import org.iisdiag.evidence.freb.FrebReader;
import org.iisdiag.evidence.har.HarReader;
import org.iisdiag.evidence.har.SavedErrorPageReader;
import org.iisdiag.evidence.env.EnvReader;
import org.iisdiag.evidence.httperr.HttpErrAggregator;
import org.iisdiag.evidence.httperr.HttpErrReader;
import org.iisdiag.evidence.w3c.IisLogAggregator;
import org.iisdiag.evidence.w3c.IisLogReader;
import org.iisdiag.evidence.w3c.LogIngest;
import org.iisdiag.evidence.w3c.LogLayouts;
import org.iisdiag.evidence.w3c.LogSource;
import org.iisdiag.facts.EvidenceKind;
import org.iisdiag.facts.EvidenceSource;
import org.iisdiag.facts.HttpErrCount;

/**
 * Reads every file of a scanned case with the reader for its kind, aggregating as it streams. A file
 * that fails is reported and the others go on; kinds this version does not read are listed as such.
 * IIS and HTTPERR logs are parsed on {@code threads} cores (see {@link LogIngest}) with the same result
 * for any number of threads; the other kinds are small and read on the calling thread meanwhile.
 */
public final class EvidenceCollector {
    private final int threads;
    private final LogLayouts layouts;
    private final int blockBytes;
    private final ReadProgress progress;

    /** All cores, the built-in log layout catalog. */
    public EvidenceCollector() {
        this(Runtime.getRuntime().availableProcessors(), LogLayouts.builtIn());
    }

    /** @param threads threads that parse logs (0: the calling thread alone) */
    public EvidenceCollector(int threads, LogLayouts layouts) {
        this(threads, layouts, LogIngest.BLOCK_BYTES, ReadProgress.NONE);
    }

    /** @param blockBytes the size of the blocks logs are cut into (see {@link LogIngest}) */
    public EvidenceCollector(int threads, LogLayouts layouts, int blockBytes) {
        this(threads, layouts, blockBytes, ReadProgress.NONE);
    }

    /** @param progress told which file is being read and how far, for a progress line */
    public EvidenceCollector(int threads, LogLayouts layouts, int blockBytes, ReadProgress progress) {
        this.threads = threads;
        this.layouts = layouts;
        this.blockBytes = blockBytes;
        this.progress = progress;
    }

    /** How many peak 5xx minutes the summary lists. */
    static final int PEAK_MINUTES = 5;

    /**
     * Readers for the kinds beyond the IIS/HTTPERR logs and env.yaml (which feed the case summary and
     * are handled below). A kind is read when it is {@link EvidenceKind#supported()} and has a reader.
     */
    /**
     * The reader of a kind of file, new for each case; null for kinds read elsewhere (logs, env.yaml). Made
     * when the case has such a file: most cases have a few kinds, and a reader's set-up (a JSON parser, its
     * patterns) costs a fresh JVM a few milliseconds each.
     */
    private static EvidenceReader newReader(EvidenceKind kind) {
        return switch (kind) {
            case WEB_CONFIG -> new WebConfigReader();
            case APPLICATION_HOST_CONFIG -> new ApplicationHostConfigReader();
            case FAILED_REQUEST_TRACE -> new FrebReader();
            case HAR -> new HarReader();
            case SAVED_ERROR_PAGE -> new SavedErrorPageReader();
            // one reader for every export format (see readerKind), so events aggregate across XML, CSV and text files
            case EVENT_LOG_XML -> new EventLogReader();
            case ANCM_STDOUT_LOG -> new AncmLogReader();
            case NODE_LOG -> new org.iisdiag.evidence.node.NodeLogReader();
            case PHP_ERROR_LOG -> new org.iisdiag.evidence.php.PhpErrorLogReader();
            case WSGI_LOG -> new org.iisdiag.evidence.python.WsgiLogReader();
            case APPCMD_LISTING -> new org.iisdiag.evidence.appcmd.AppcmdListReader();
            case NETSH_SSLCERT -> new org.iisdiag.evidence.netsh.SslCertListingReader();
            default -> null;
        };
    }

    /** The kind whose reader reads this kind of file. */
    private static EvidenceKind readerKind(EvidenceKind kind) {
        return kind.isEventLog() ? EvidenceKind.EVENT_LOG_XML : kind;
    }

    public CaseEvidence collect(String caseName, CaseFolder.Scan scan) {
        Run run = new Run(ServerFolders.of(scan.files()), progress);
        List<CaseFile> toRead = scan.files().stream().filter(f -> f.kind().supported()).toList();
        progress.start(toRead.size(), toRead.stream().mapToLong(f -> Math.max(0, f.size())).sum());
        // logs that fit in one block are parsed on this thread: no pool to start for a small case
        long logBytes = scan.files().stream().filter(f -> f.kind() == EvidenceKind.IIS_W3C_LOG
                || f.kind() == EvidenceKind.HTTPERR_LOG).mapToLong(CaseFile::size).sum();
        try (LogIngest ingest = new LogIngest(logBytes <= blockBytes ? 0 : threads, layouts, blockBytes)) {
            for (CaseFile file : scan.files()) {
                run.read(file, ingest);
            }
            ingest.finish();
        }
        progress.done();
        IisLogAggregator iis = run.iis;
        HttpErrAggregator httpErr = run.httpErr;
        List<ReadReport> reports = run.reports;
        Map<EvidenceKind, EvidenceReader> others = run.others;
        Map<EvidenceKind, long[]> present = new EnumMap<>(EvidenceKind.class);
        for (ReadReport report : reports) {
            if (report.kind().supported() && report.kind() != EvidenceKind.FLEET_AGGREGATE && !report.failed()) {
                long[] tally = present.computeIfAbsent(report.kind(), k -> new long[2]);
                tally[0]++;
                tally[1] += report.lines();
            }
        }
        for (AggregateFile.Source s : run.aggregated) { // the logs behind an aggregate count as present
            if (s.error().isEmpty()) {
                long[] tally = present.computeIfAbsent(s.kind(), k -> new long[2]);
                tally[0]++;
                tally[1] += s.lines();
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
        List<TimelineSeries> series = new ArrayList<>();
        series.add(new TimelineSeries("iis 5xx", "IIS 5xx", "IIS log", 5, iis.timeline()));
        series.add(new TimelineSeries("iis 4xx", "IIS 4xx", "IIS log", 4, iis.timeline()));
        series.addAll(TimelineSeries.topReasons(httpErr.reasonTimelines(), TimelineSeries.HTTPERR_REASONS));
        if (others.get(EvidenceKind.EVENT_LOG_XML) instanceof EventLogReader events) {
            events.alignClock(List.of(iis.timeline(), httpErr.timeline()), reports);
        }
        others.values().forEach(r -> series.addAll(r.series()));
        List<CaseEvidence.PeakMinute> peaks = PeakMinutes.of(iis.timeline(), httpErr.timeline(), PEAK_MINUTES);
        List<Object> otherFacts = new ArrayList<>(iis.classicAspErrors());
        otherFacts.addAll(Onsets.of(iis.timeline(), httpErr.timeline()));
        others.values().forEach(r -> otherFacts.addAll(r.facts()));
        return new CaseEvidence(caseName, List.copyOf(reports), run.env, List.copyOf(sources), List.copyOf(otherFacts),
                iis.statusCounts(),
                httpErrCounts, iis.timeTaken(), iis.window(), peaks,
                httpErrCounts.stream().mapToLong(HttpErrCount::count).sum(), List.copyOf(series));
    }

    /** Tells {@link ReadProgress} how many bytes of the current file have been read. */
    private static final class ProgressStream extends java.io.FilterInputStream {
        private final ReadProgress progress;
        private long count;

        ProgressStream(InputStream in, ReadProgress progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                progress.bytes(++count);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
                progress.bytes(count);
            }
            return n;
        }
    }

    /** The aggregates and reports of one case while its files are read. */
    private static final class Run {
        /** The readers made so far, by {@link #readerKind} (an EnumMap: the facts come out in kind order). */
        final Map<EvidenceKind, EvidenceReader> others = new EnumMap<>(EvidenceKind.class);
        final IisLogAggregator iis = new IisLogAggregator();
        final HttpErrAggregator httpErr = new HttpErrAggregator();
        final List<ReadReport> reports = new ArrayList<>();
        final ServerFolders servers;
        final List<AggregateFile.Source> aggregated = new ArrayList<>();
        final ReadProgress progress;
        EnvFacts env = EnvFacts.unknown();
        boolean envSeen;
        int index;

        Run(ServerFolders servers, ReadProgress progress) {
            this.servers = servers;
            this.progress = progress;
        }

        /** Reads a file, or for logs starts reading it (its report is complete after {@link LogIngest#finish}). */
        void read(CaseFile file, LogIngest ingest) {
            ReadReport report = new ReadReport(file.name(), file.kind());
            reports.add(report);
            if (file.kind() == EvidenceKind.EVENT_LOG_EVTX) {
                report.note(EvtxExport.hint(file.name()));
            }
            if (!file.kind().supported()) {
                return;
            }
            progress.file(++index, file.name());
            try (InputStream in = new ProgressStream(file.open(), progress)) {
                switch (file.kind()) {
                    case IIS_W3C_LOG -> ingest.read(IisLogReader.FORMAT, iis,
                            new LogSource(file.name(), file.siteHint(), servers.of(file)), in, report, e -> failed(report, e));
                    case HTTPERR_LOG -> ingest.read(HttpErrReader.FORMAT, httpErr,
                            new LogSource(file.name(), "", servers.of(file)), in, report, e -> failed(report, e));
                    case COLLECTION_LOG -> CollectionLog.read(in, report);
                    case FLEET_AGGREGATE -> {
                        AggregateFile.Contents c = AggregateFile.read(in);
                        ingest.inOrder(() -> aggregate(c, report));
                    }
                    case ENV_YAML -> {
                        if (envSeen) {
                            report.fail("a second env.yaml; only the first (in name order) is used");
                        } else {
                            envSeen = true;
                            env = new EnvReader().read(in, report);
                        }
                    }
                    default -> {
                        EvidenceReader reader = others.computeIfAbsent(readerKind(file.kind()), EvidenceCollector::newReader);
                        if (reader == null) {
                            throw new IllegalStateException("no reader for supported kind " + file.kind());
                        }
                        reader.read(file.name(), file.siteHint(), in, report);
                    }
                }
            } catch (IOException | RuntimeException e) {
                failed(report, e);
            }
            file.notes().forEach(report::note); // limits the stream itself hit (decompression)
        }

        /** Logs another machine read (the fleet job): they join the aggregates as the logs would have. */
        void aggregate(AggregateFile.Contents c, ReadReport report) {
            iis.merge(c.iis(), 0);
            httpErr.merge(c.httpErr(), 0);
            aggregated.addAll(c.sources());
            long failed = 0;
            for (AggregateFile.Source s : c.sources()) {
                report.addLines(s.lines());
                report.addEntries(s.entries());
                report.countRejected(s.rejected());
                report.addBytes(s.bytes());
                failed += s.error().isEmpty() ? 0 : 1;
            }
            report.note(String.format(java.util.Locale.ROOT, "aggregate of %,d log files (%,d could not be read)",
                    c.sources().size(), failed));
            c.sources().stream().flatMap(s -> s.problems().stream()).limit(ReadReport.MAX_PROBLEMS_KEPT)
                    .forEach(p -> report.note(p.location() + ": " + p.reason()));
        }
    }

    /** One bad file (truncated gzip, I/O error) must not stop the rest of the case: it is reported as failed. */
    public static void failed(ReadReport report, Exception e) {
        if (e != null) {
            report.fail(describe(e) + (report.lines() > 0
                    ? " (the first " + report.lines() + " lines were read and are counted)" : ""));
        }
    }

    private static String describe(Exception e) {
        String msg = e.getMessage();
        if (e instanceof java.util.zip.ZipException || e instanceof java.io.EOFException) {
            return "cannot read (corrupt or truncated compressed file): " + (msg == null ? e.getClass().getSimpleName() : msg);
        }
        return "cannot read: " + (msg == null ? e.getClass().getSimpleName() : msg);
    }
}
