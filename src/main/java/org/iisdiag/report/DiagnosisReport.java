package org.iisdiag.report;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.iisdiag.engine.Conclusions;
import org.iisdiag.evidence.CaseEvidence;
import org.iisdiag.evidence.LineProblem;
import org.iisdiag.facts.SampleLine;
import org.iisdiag.facts.TimeTakenSummary;

/**
 * The result of one diagnosis, ready for any renderer. Field order is the JSON schema's order; see
 * README ("JSON output"). Times are ISO-8601 UTC strings so output is stable and portable.
 */
public record DiagnosisReport(int schemaVersion, String tool, String detail, int omitted, Summary summary,
                              Verdict verdict, Timeline timeline, List<InputFile> inputs,
                              List<ReportedDiagnosis> diagnoses, List<RankedAction> actions,
                              List<NotRecommended> notRecommended, List<OpenQuestion> questions,
                              List<BenignNote> benign,
                              @JsonInclude(JsonInclude.Include.NON_NULL) WhyNot whyNot,
                              @JsonInclude(JsonInclude.Include.NON_NULL) List<TracedFiring> trace) {

    public static final int SCHEMA_VERSION = 2;

    /** The report with the firing trail attached (diagnose --trace). */
    public DiagnosisReport withTrace(List<Conclusions.Firing> firings) {
        return new DiagnosisReport(schemaVersion, tool, detail, omitted, summary, verdict, timeline, inputs, diagnoses,
                actions, notRecommended, questions, benign, whyNot, firings.stream().map(TracedFiring::of).toList());
    }

    /** One firing as the trace shows it: the rule, and the facts it matched and inserted, described. */
    public record TracedFiring(int sequence, String ruleId, List<String> matched, List<String> inserted) {
        static TracedFiring of(Conclusions.Firing f) {
            return new TracedFiring(f.sequence(), f.ruleId(), f.matched(), f.inserted());
        }
    }

    /** The report with a --why-not analysis attached. */
    public DiagnosisReport withWhyNot(WhyNot analysis) {
        return new DiagnosisReport(schemaVersion, tool, detail, omitted, summary, verdict, timeline, inputs, diagnoses,
                actions, notRecommended, questions, benign, analysis, trace);
    }

    /** The report marked with the detail it was cut to and how many items were left out. */
    public DiagnosisReport atDetail(String level, int left) {
        return new DiagnosisReport(schemaVersion, tool, level, left, summary, verdict, timeline, inputs, diagnoses,
                actions, notRecommended, questions, benign, whyNot, trace);
    }

    /**
     * Every source on one time axis: {@code bucketMinutes}-wide buckets from {@code start} (coarser for
     * long windows so that a series has at most about 1,440 points), each series with a count per bucket,
     * and the changes on record as markers.
     */
    public record Timeline(String start, String end, int bucketMinutes, List<Series> series, List<Marker> changes) {
    }

    /** Entries of one source per bucket, its total, and its busiest bucket. */
    public record Series(String id, String label, String source, long total, String peakAt, long peak,
                         List<Long> counts) {
    }

    /** A change on record (env.yaml), placed on the timeline. */
    public record Marker(String at, String text) {
    }

    /** Server errors of one source: "IIS log" 213, "HTTPERR" 359. */
    public record SourceCount(String source, long count) {
    }

    /** Why an action is (or is not) in the result: the rules that could produce it and what they lacked. */
    public record WhyNot(String actionId, String verdict, List<Candidate> candidates, List<String> catalogRoutes) {
    }

    /** A rule that could lead to the action, whether it fired, and its conditions against this case. */
    public record Candidate(String rule, String location, boolean fired, List<String> conditions) {
    }

    /**
     * The answer first: how bad, what happened (the diagnoses that touched many requests), what was also
     * seen (causes behind a handful of errors), what to do now, and what the case is missing.
     */
    public record Verdict(String severity, List<VerdictLine> happened, List<VerdictLine> alsoSeen,
                          List<VerdictAction> doNow, List<String> missing) {
    }

    /** One diagnosis in the verdict: its title, how sure and how grave, when, and how many entries. */
    public record VerdictLine(String diagnosis, String title, String severity, String certainty, String firstSeen,
                              String lastSeen, long reach) {
    }

    /** One of the first actions, by rank. */
    public record VerdictAction(int rank, String priority, String action, String title) {
    }

    /** The case at a glance. */
    public record Summary(String caseFolder, int filesRead, int filesNotUsed, int filesFailed, long linesRead,
                          long entries, long linesRejected, String firstSeen, String lastSeen, long requests,
                          long clientErrors, long serverErrors, long httpErrEntries, Environment environment,
                          String reported, List<StatusTotal> errorStatuses, List<String> changes,
                          long serverErrorsAllSources, List<SourceCount> serverErrorSources,
                          List<CaseEvidence.PeakMinute> peakServerErrorMinutes, List<TimeTakenSummary> timeTaken) {
    }

    /** Error responses of one code in one log: "500.30" in the IIS log, "503 QueueFull" in HTTPERR. */
    public record StatusTotal(String code, String log, long count, boolean benign) {
    }

    public record Environment(String serverName, String iisVersion, String applicationType, String internetFacing,
                              String tracingInstalled, List<Site> sites, List<Integer> reportedStatusCodes) {
    }

    /** A site from env.yaml; {@code logLabel} is how the IIS log folder names it (W3SVC&lt;id&gt;). */
    public record Site(int id, String logLabel, String name, String appPool, String applicationType) {
    }

    /** One file of the case: its kind, whether it was used, and what reading it found. */
    public record InputFile(String name, String kind, boolean used, long lines, long entries, long rejected,
                            List<LineProblem> problems, List<String> notes, String error) {
    }

    /** Evidence of a conclusion; {@code context} marks benign context that is shown but not counted. */
    public record EvidenceItem(String summary, long occurrences, boolean context, List<SampleLine> samples) {
    }

    /** What a conclusion is about, as far as the case says. */
    public record TargetRef(String text, String server, long siteId, String siteName, String app, String appPool,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> servers) {
    }

    /** A step of a diagnosis's plan and what became of it: the rank of its action, or why it is not recommended. */
    public record PlanItem(String role, String action, int rank, String note) {
    }

    /**
     * A diagnosis: {@code reach} counts the error entries and events it rests on (benign context aside),
     * {@code isolated} says they are a handful in a busy log; the window spans that evidence.
     */
    public record ReportedDiagnosis(String id, String title, String certainty, String severity, String section,
                                    TargetRef target, String explanation, String firstSeen, String lastSeen,
                                    long reach, boolean isolated, List<EvidenceItem> evidence, int evidenceTotal,
                                    List<String> known, List<PlanItem> plan, List<String> rules) {
    }

    /** Why an action sits where it does: its tier, and each weight within the tier, with the rule. */
    public record Reason(String kind, int value, String reason, String rule) {
    }

    public record RankedAction(int rank, String id, int tier, String priority, String title, String section,
                               String kind, String cost, String risk, boolean changesServerState, TargetRef target,
                               List<String> serves, String role, String why, List<EvidenceItem> evidence,
                               int evidenceTotal, List<String> steps, List<String> verify, List<String> risks,
                               List<String> revert, List<String> caveats, List<String> requires,
                               List<Reason> rationale, List<String> rules,
                               @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean brief) {

        /** This action without its steps, verify, risks, revert and order reasons (--detail normal, past the first actions). */
        public RankedAction inBrief(List<EvidenceItem> fewer) {
            return new RankedAction(rank, id, tier, priority, title, section, kind, cost, risk, changesServerState, target,
                    serves, role, why, fewer, evidenceTotal, List.of(), List.of(), List.of(), List.of(), caveats, requires,
                    List.of(), rules, true);
        }
    }

    /** A plan step left out because the case already shows what it would collect. */
    public record NotRecommended(String action, String target, String diagnosis, String why, String rule) {
    }

    public record OpenQuestion(String id, String text, String why, String answeredBy, List<String> rules) {
    }

    public record BenignNote(String summary, long occurrences, String reason, String rule) {
    }
}
