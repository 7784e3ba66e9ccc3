package org.iisdiag.evidence.env;

import java.util.List;
import java.util.regex.Pattern;

import org.iisdiag.evidence.Redactor;
import org.iisdiag.evidence.har.SavedErrorPageReader;
import org.iisdiag.facts.ErrorPage;

import org.iisdiag.facts.ReportedSymptom;
import org.iisdiag.facts.ServerChange;
import org.iisdiag.facts.ServerEnvironment;
import org.iisdiag.facts.SiteInfo;

/** The environment facts read from env.yaml (or all unknown when there is none). */
public record EnvFacts(ServerEnvironment server, List<SiteInfo> sites, List<ReportedSymptom> reported,
                       String description, List<ServerChange> changes) {

    public static EnvFacts unknown() {
        return new EnvFacts(ServerEnvironment.unknown(), List.of(), List.of(), "", List.of());
    }

    /** A headline IIS, ANCM or ASP.NET shows ("HTTP Error 500.19", "Server Error in '/' Application"). */
    private static final Pattern ERROR_HEADLINE = Pattern.compile("(?i)HTTP Error \\d{3}|Server Error in '");

    /**
     * The error page the description quotes ("HTTP Error 500.19 - ... Error Code 0x80070021 ... Config Error:
     * ..."), read like a saved page, or null when it quotes none: what the user saw on screen is evidence
     * of its status and error code even when the case holds no log of it.
     */
    static ErrorPage quotedErrorPage(String description) {
        if (!ERROR_HEADLINE.matcher(description).find()) {
            return null;
        }
        return SavedErrorPageReader.page(description.strip(), ReportedCpu.SOURCE, "as reported: ", Redactor.DEFAULT);
    }

    /** All facts to insert into the session. */
    public List<Object> facts() {
        java.util.ArrayList<Object> all = new java.util.ArrayList<>();
        all.add(server);
        all.addAll(sites);
        all.addAll(reported);
        all.addAll(changes);
        ReportedCpu.in(description).ifPresent(all::add);
        ReportedChanges.in(description).ifPresent(all::add);
        if (description != null && !description.isBlank()) {
            all.add(org.iisdiag.facts.ReportedMessage.of(description, ReportedCpu.SOURCE));
            ErrorPage quoted = quotedErrorPage(description);
            if (quoted != null) {
                all.add(quoted);
            }
        }
        return all;
    }
}
