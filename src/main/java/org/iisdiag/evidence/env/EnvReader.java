package org.iisdiag.evidence.env;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.iisdiag.evidence.ReadReport;
import org.iisdiag.facts.ApplicationType;
import org.iisdiag.facts.ReportedSymptom;
import org.iisdiag.facts.ServerEnvironment;
import org.iisdiag.facts.SiteInfo;
import org.iisdiag.facts.Tristate;

/** Reads env.yaml into environment facts; a bad file is reported with file:line and yields nothing. */
public final class EnvReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public EnvFacts read(InputStream in, ReadReport report) throws IOException {
        EnvFile file;
        try {
            file = YAML.readValue(in, EnvFile.class);
        } catch (JsonProcessingException e) {
            report.fail(report.file() + ":" + line(e.getLocation()) + ": " + message(e));
            return EnvFacts.unknown();
        }
        if (file == null) {
            report.note("env.yaml is empty");
            return EnvFacts.unknown();
        }
        try {
            return toFacts(file);
        } catch (IllegalArgumentException e) {
            report.fail(report.file() + ": " + e.getMessage());
            return EnvFacts.unknown();
        }
    }

    private static EnvFacts toFacts(EnvFile file) {
        EnvFile.Server s = file.server();
        ApplicationType defaultType = ApplicationType.fromKey(file.applicationType());
        ServerEnvironment server = new ServerEnvironment(
                s == null ? "" : Objects.requireNonNullElse(s.name(), ""),
                s == null ? "" : Objects.requireNonNullElse(s.iisVersion(), ""),
                defaultType,
                s == null ? Tristate.UNKNOWN : Tristate.of(s.internetFacing()),
                s == null ? Tristate.UNKNOWN : Tristate.of(s.tracingInstalled()));
        List<SiteInfo> sites = new ArrayList<>();
        Set<Integer> ids = new HashSet<>();
        if (file.sites() != null) {
            for (EnvFile.Site site : file.sites()) {
                if (!ids.add(site.id())) {
                    throw new IllegalArgumentException("site id " + site.id() + " is listed twice under sites");
                }
                ApplicationType type = site.applicationType() == null ? defaultType
                        : ApplicationType.fromKey(site.applicationType());
                sites.add(new SiteInfo(site.id(), Objects.requireNonNullElse(site.name(), "W3SVC" + site.id()),
                        Objects.requireNonNullElse(site.appPool(), ""), type));
            }
        }
        sites.sort(Comparator.comparingInt(SiteInfo::id));
        List<ReportedSymptom> reported = new ArrayList<>();
        String description = "";
        if (file.reported() != null) {
            if (file.reported().statusCodes() != null) {
                for (Integer code : file.reported().statusCodes()) {
                    if (code == null || code < 100 || code > 999) {
                        throw new IllegalArgumentException("reported.statusCodes must be HTTP status codes, got " + code);
                    }
                    reported.add(new ReportedSymptom(code));
                }
            }
            description = Objects.requireNonNullElse(file.reported().description(), "");
        }
        return new EnvFacts(server, List.copyOf(sites), List.copyOf(reported.stream().distinct().sorted(
                Comparator.comparingInt(ReportedSymptom::status)).toList()), description);
    }

    static String line(JsonLocation loc) {
        return loc == null ? "?" : Integer.toString(loc.getLineNr());
    }

    static String message(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown key '" + u.getPropertyName() + "' (known keys: "
                    + String.join(", ", u.getKnownPropertyIds().stream().map(Object::toString).sorted().toList()) + ")";
        }
        return e.getOriginalMessage();
    }
}
