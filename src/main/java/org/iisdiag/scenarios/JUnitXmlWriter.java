package org.iisdiag.scenarios;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a suite outcome as JUnit XML (the Ant/Surefire dialect CI systems read): one testcase per
 * scenario, a failure with the expected-vs-actual text, an error for scenario files that did not load.
 */
public final class JUnitXmlWriter {
    private JUnitXmlWriter() {
    }

    public static void write(ScenarioSuite.Outcome outcome, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            long errors = outcome.invalid().size() + outcome.results().stream().filter(r -> r.error() != null).count();
            long failures = outcome.results().stream().filter(r -> r.error() == null && !r.passed()).count();
            double seconds = outcome.results().stream().mapToLong(ScenarioResult::millis).sum() / 1000.0;
            w.writeStartElement("testsuite");
            w.writeAttribute("name", "iisdiag scenarios");
            w.writeAttribute("tests", Long.toString(outcome.results().size() + outcome.invalid().size()));
            w.writeAttribute("failures", Long.toString(failures));
            w.writeAttribute("errors", Long.toString(errors));
            w.writeAttribute("skipped", "0");
            w.writeAttribute("time", seconds(seconds));
            for (ScenarioResult r : outcome.results()) {
                w.writeCharacters("\n  ");
                w.writeStartElement("testcase");
                w.writeAttribute("classname", classname(r.scenario().displayName()));
                w.writeAttribute("name", r.scenario().scenario().name());
                w.writeAttribute("file", r.scenario().displayName());
                w.writeAttribute("time", seconds(r.millis() / 1000.0));
                if (r.error() != null) {
                    w.writeStartElement("error");
                    w.writeAttribute("message", r.error());
                    w.writeCharacters(r.error());
                    w.writeEndElement();
                } else if (!r.passed()) {
                    w.writeStartElement("failure");
                    w.writeAttribute("message", r.failures().get(0));
                    w.writeCharacters(SuiteText.failureDetail(r));
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            for (String problem : outcome.invalid()) {
                w.writeCharacters("\n  ");
                w.writeStartElement("testcase");
                String source = problem.contains(":") ? problem.substring(0, problem.indexOf(':')) : problem;
                w.writeAttribute("classname", classname(source));
                w.writeAttribute("name", "load " + source);
                w.writeAttribute("time", "0");
                w.writeStartElement("error");
                w.writeAttribute("message", problem);
                w.writeCharacters(problem);
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML " + file + ": " + e.getMessage(), e);
        }
    }

    /** "scenarios.service-unavailable-503" from "knowledge-base/scenarios/service-unavailable-503/x.yaml". */
    static String classname(String displayName) {
        String dir = displayName.contains("/") ? displayName.substring(0, displayName.lastIndexOf('/')) : "scenarios";
        return dir.replace("knowledge-base/", "").replace('/', '.');
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }
}
