package org.iisdiag.evidence.aggregate;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.iisdiag.casefolder.CaseFile;
import org.iisdiag.evidence.EvidenceCollector;
import org.iisdiag.evidence.ReadReport;
import org.iisdiag.evidence.httperr.HttpErrAggregator;
import org.iisdiag.evidence.httperr.HttpErrReader;
import org.iisdiag.evidence.w3c.IisLogAggregator;
import org.iisdiag.evidence.w3c.IisLogReader;
import org.iisdiag.evidence.w3c.LogIngest;
import org.iisdiag.evidence.w3c.LogSource;
import org.iisdiag.facts.EvidenceKind;

/**
 * Aggregating logs file by file on different machines and folding the results together, in file order,
 * into what {@code diagnose} computes on one machine: each file's aggregate is the one {@link LogIngest}
 * makes of it, and folding them in the case folder's order is what {@link LogIngest} does.
 */
public final class LogAggregation {
    private final List<AggregateFile.Source> sources = new ArrayList<>();
    private final IisLogAggregator iis = new IisLogAggregator();
    private final HttpErrAggregator httpErr = new HttpErrAggregator();

    /** Whether iisdiag aggregates this kind of file. */
    public static boolean aggregates(EvidenceKind kind) {
        return kind == EvidenceKind.IIS_W3C_LOG || kind == EvidenceKind.HTTPERR_LOG;
    }

    /**
     * Reads one IIS or HTTPERR log into an aggregate of its own; a file that cannot be read is reported
     * as failed in its source, like {@code diagnose} reports it.
     *
     * @param serverHint the server the file's folder names, or ""
     */
    public static AggregateFile.Contents readFile(CaseFile file, String serverHint) {
        if (!aggregates(file.kind())) {
            throw new IllegalArgumentException(file.name() + " is a " + file.kind().label() + ", not a log iisdiag aggregates");
        }
        ReadReport report = new ReadReport(file.name(), file.kind());
        IisLogAggregator iis = new IisLogAggregator();
        HttpErrAggregator httpErr = new HttpErrAggregator();
        try (InputStream in = file.open()) {
            if (file.kind() == EvidenceKind.IIS_W3C_LOG) {
                LogIngest.readNow(IisLogReader.FORMAT, iis, new LogSource(file.name(), file.siteHint(), serverHint), in, report);
            } else {
                LogIngest.readNow(HttpErrReader.FORMAT, httpErr, new LogSource(file.name(), "", serverHint), in, report);
            }
        } catch (IOException | RuntimeException e) {
            EvidenceCollector.failed(report, e);
        }
        return new AggregateFile.Contents(List.of(AggregateFile.Source.of(report)), iis, httpErr);
    }

    /** Folds in the aggregate of the next file (in the case folder's name order). */
    public void add(AggregateFile.Contents part) {
        sources.addAll(part.sources());
        iis.merge(part.iis(), 0);
        httpErr.merge(part.httpErr(), 0);
    }

    public AggregateFile.Contents result() {
        return new AggregateFile.Contents(List.copyOf(sources), iis, httpErr);
    }
}
