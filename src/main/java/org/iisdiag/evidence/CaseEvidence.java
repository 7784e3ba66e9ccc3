package org.iisdiag.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.iisdiag.evidence.env.EnvFacts;
import org.iisdiag.facts.EvidenceSource;
import org.iisdiag.facts.HttpErrCount;
import org.iisdiag.facts.IisLogWindow;
import org.iisdiag.facts.IisStatusCount;
import org.iisdiag.facts.TimeTakenSummary;

/**
 * Everything read from one case folder: the per-file reports and the aggregated facts. A few hundred
 * facts at most, whatever the size of the logs.
 */
public record CaseEvidence(String caseFolder, List<ReadReport> reports, EnvFacts env, List<EvidenceSource> sources,
                           List<Object> otherFacts, List<IisStatusCount> statusCounts, List<HttpErrCount> httpErrCounts,
                           List<TimeTakenSummary> timeTaken, Optional<IisLogWindow> window,
                           List<PeakMinute> peakServerErrorMinutes, long httpErrEntries,
                           List<TimelineSeries> series) {

    /** A minute with many server errors, for the summary: in all, and in the IIS log and HTTPERR. */
    public record PeakMinute(String minute, long count, long iisLog, long httpErr) {
    }

    /**
     * Whether any file was read as evidence (a log, trace, event export, config, HAR or env.yaml), rather
     * than the case holding only unrecognised or unreadable files, or only the collection script's log.
     */
    public boolean hasUsableEvidence() {
        return reports.stream().anyMatch(r -> r.kind().supported() && !r.failed()
                && r.kind() != org.iisdiag.facts.EvidenceKind.COLLECTION_LOG);
    }

    /** The facts to insert into a Drools session. */
    public List<Object> facts() {
        List<Object> facts = new ArrayList<>(env.facts());
        facts.addAll(sources);
        facts.addAll(statusCounts);
        facts.addAll(ServerShares.of(statusCounts));
        facts.addAll(httpErrCounts);
        facts.addAll(timeTaken);
        window.ifPresent(facts::add);
        facts.addAll(otherFacts);
        return facts;
    }
}
