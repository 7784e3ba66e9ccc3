package org.iisdiag.conclusions;

import org.iisdiag.facts.IisStatusCount;
import org.iisdiag.knowledge.DiagnosisDefinition;
import org.iisdiag.knowledge.KnowledgeBase;
import org.iisdiag.knowledge.Template;

/**
 * Diagnoses of a dependency that made requests wait out a client timeout (SqlClient's command timeout, a
 * pooled connection's wait): their catalog entries declare the timeout (params {@code timeoutSeconds},
 * {@code timeoutName}), and an IIS status whose every request took at least that long is those waits.
 */
public final class DependencyWaits {
    private DependencyWaits() {
    }

    /** The timeout diagnosis {@code id} declares, in milliseconds; 0 when it declares none. */
    public static long timeoutMillis(KnowledgeBase kb, String id) {
        DiagnosisDefinition d = kb.diagnosis(id);
        String seconds = d == null ? null : d.params().get("timeoutSeconds");
        return seconds == null || !seconds.matches("\\d{1,4}") ? 0 : Long.parseLong(seconds) * 1000;
    }

    /** Whether every request of {@code c} waited out the timeout diagnosis {@code id} declares. */
    public static boolean waitedOut(KnowledgeBase kb, String id, IisStatusCount c) {
        long timeout = timeoutMillis(kb, id);
        return timeout > 0 && c.timeTaken().known() && c.timeTaken().min() >= timeout;
    }

    /**
     * Whether {@code waited} is evidence of dependency diagnosis {@code d} whose every request waited out its timeout,
     * in the window [first, last] of the errors a limit gave (with the correlation slack).
     */
    public static boolean waitedDuring(KnowledgeBase kb, Diagnosis d, IisStatusCount waited,
                                       java.time.Instant first, java.time.Instant last) {
        return d.evidence().contains(waited) && waitedOut(kb, d.diagnosisId(), waited)
                && Correlation.overlaps(first, last, waited.firstSeen(), waited.lastSeen());
    }

    /**
     * The values of diagnosis limit-filled-by-dependency-waits: the limit's errors ({@code code}, {@code count} of them
     * from first to last), what filled it ({@code waited}, the 500s of dependency diagnosis {@code d}), the limit, its
     * setting and the log that shows its errors.
     */
    public static String[] limitFilled(KnowledgeBase kb, Diagnosis d, IisStatusCount waited, String code, long count,
                                       java.time.Instant first, java.time.Instant last, String limit, String limitSetting,
                                       String log) {
        return new String[] {"code", code, "count", StatusCodes.thousands(count), "window", first + " to " + last,
                "waited", StatusCodes.thousands(waited.count()) + " x 500 " + waited.timeTaken().describe(),
                "timeoutName", timeoutName(kb, d.diagnosisId()), "dependency", title(kb, d),
                "dependencyDiagnosis", d.diagnosisId(), "urls", StatusCodes.urlsOf(waited),
                "limit", limit, "limitSetting", limitSetting, "log", log};
    }

    /** What the timeout is, as the catalog names it ("the command timeout (...)"), "" when none is declared. */
    public static String timeoutName(KnowledgeBase kb, String id) {
        DiagnosisDefinition d = kb.diagnosis(id);
        return d == null ? "" : d.params().getOrDefault("timeoutName", "");
    }

    /** The diagnosis's title with its own values, for another diagnosis's prose. */
    public static String title(KnowledgeBase kb, Diagnosis d) {
        DiagnosisDefinition def = kb.diagnosis(d.diagnosisId());
        return def == null ? d.diagnosisId() : Template.fill(def.title(),
                name -> d.params().getOrDefault(name, def.params().getOrDefault(name, "")));
    }
}
