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
 * docs in README ("JSON output"). Times are ISO-8601 UTC strings so output is stable and portable.
 */
public record DiagnosisReport(int schemaVersion, String tool, Summary summary, List<InputFile> inputs,
                              List<ReportedFinding> findings, List<RankedAction> actions,
                              List<OpenQuestion> questions, List<BenignNote> benign,
                              @JsonInclude(JsonInclude.Include.NON_NULL) WhyNot whyNot,
                              @JsonInclude(JsonInclude.Include.NON_NULL) List<Conclusions.Firing> trace) {

    /** The report with the firing trail attached (diagnose --trace). */
    public DiagnosisReport withTrace(List<Conclusions.Firing> firings) {
        return new DiagnosisReport(schemaVersion, tool, summary, inputs, findings, actions, questions, benign, whyNot,
                firings);
    }

    /** The report with a --why-not analysis attached. */
    public DiagnosisReport withWhyNot(WhyNot analysis) {
        return new DiagnosisReport(schemaVersion, tool, summary, inputs, findings, actions, questions, benign, analysis,
                trace);
    }

    /** Why an action is (or is not) in the result: the rules that could produce it and what they lacked. */
    public record WhyNot(String actionId, String verdict, List<Candidate> candidates, List<String> catalogRoutes) {
    }

    /** A rule that could recommend the action, whether it fired, and its conditions against this case. */
    public record Candidate(String rule, String location, boolean fired, List<String> conditions) {
    }

    public static final int SCHEMA_VERSION = 1;

    /** The case at a glance. */
    public record Summary(String caseFolder, int filesRead, int filesNotUsed, int filesFailed, long linesRead,
                          long entries, long linesRejected, String firstSeen, String lastSeen, long requests,
                          long clientErrors, long serverErrors, long httpErrEntries, Environment environment,
                          List<CaseEvidence.PeakMinute> peakServerErrorMinutes, List<TimeTakenSummary> timeTaken) {
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

    public record EvidenceItem(String summary, long occurrences, List<SampleLine> samples) {
    }

    public record ReportedFinding(String id, String title, String severity, String confidence, String section,
                                  String explanation, List<EvidenceItem> evidence, List<String> rules) {
    }

    public record ScoreReason(int delta, String reason, String rule) {
    }

    public record RankedAction(int rank, String id, String priority, int score, String title, String section,
                               String kind, String cost, String risk, boolean changesServerState, String why,
                               List<EvidenceItem> evidence, int evidenceTotal, List<String> rules, List<String> steps,
                               List<String> risks, List<String> revert, List<String> verify, List<String> caveats,
                               List<ScoreReason> scoring) {
    }

    public record OpenQuestion(String id, String text, String why, String answeredBy, List<String> rules) {
    }

    public record BenignNote(String summary, long occurrences, String reason, String rule) {
    }
}
