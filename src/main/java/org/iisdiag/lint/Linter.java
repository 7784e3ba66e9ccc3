package org.iisdiag.lint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.iisdiag.engine.CatalogReferences;
import org.iisdiag.engine.RuleBase;
import org.iisdiag.engine.RuleCompilationException;
import org.iisdiag.engine.RuleFiles;
import org.iisdiag.knowledge.ActionDefinition;
import org.iisdiag.knowledge.ArticleSection;
import org.iisdiag.knowledge.DiagnosisDefinition;
import org.iisdiag.knowledge.KnowledgeBase;
import org.iisdiag.knowledge.KnowledgeBaseException;
import org.iisdiag.knowledge.KnowledgeBaseLoader;
import org.iisdiag.knowledge.QuestionDefinition;
import org.iisdiag.lint.LintMessage.Level;

/**
 * Checks a rule pack and its catalogs without running a case: compile errors (at the right line and
 * column), rule metadata, catalog validity and ids, files Drools would silently skip, and catalog
 * entries nothing uses.
 */
public final class Linter {

    /** All messages, sorted by file, line and column; and whether the catalogs or the rules had errors. */
    public record Result(List<LintMessage> messages, boolean catalogErrors, boolean ruleErrors) {
        public long count(Level level) {
            return messages.stream().filter(m -> m.level() == level).count();
        }
    }

    public Result lint(Path rulesDir, Path kbDir) {
        List<LintMessage> out = new ArrayList<>();
        KnowledgeBase kb = null;
        boolean catalogErrors = false;
        try {
            kb = KnowledgeBaseLoader.load(kbDir);
        } catch (KnowledgeBaseException e) {
            catalogErrors = true;
            e.problems().forEach(p -> out.add(withColumn(kbDir.getParent(), LintMessage.parse(p, Level.ERROR))));
        }
        boolean ruleErrors = false;
        RuleBase ruleBase = null;
        try {
            ruleBase = RuleBase.load(rulesDir, kb, null);
        } catch (RuleCompilationException e) {
            ruleErrors = true;
            e.problems().forEach(p -> out.add(LintMessage.parse(p, Level.ERROR)));
            out.addAll(metadataFromText(rulesDir));
        }
        out.addAll(ignoredFiles(rulesDir));
        List<LintMessage> hidden = EvidenceUnderExists.check(rulesDir);
        out.addAll(hidden);
        // a rule that hides its evidence is a rule error even though the pack compiles (exit code 4)
        ruleErrors |= hidden.stream().anyMatch(m -> m.level() == Level.ERROR);
        if (kb != null && ruleBase != null) {
            out.addAll(unusedCatalogEntries(ruleBase, kb));
        }
        List<LintMessage> unique = out.stream().distinct().sorted(LintMessage.ORDER).toList();
        return new Result(unique, catalogErrors, ruleErrors);
    }

    /** Metadata problems found in the text, for when the pack does not compile (and so cannot be inspected). */
    private static List<LintMessage> metadataFromText(Path rulesDir) {
        List<LintMessage> out = new ArrayList<>();
        Map<String, String> firstById = new HashMap<>();
        try {
            for (Path file : RuleFiles.list(rulesDir)) {
                String display = RuleFiles.displayName(rulesDir, file);
                for (RuleHeaders.Header h : RuleHeaders.scan(display, Files.readString(file, StandardCharsets.UTF_8))) {
                    if (h.id() == null) {
                        out.add(new LintMessage(display, h.line(), 1, Level.ERROR,
                                "rule \"" + h.name() + "\" has no @id(\"...\") metadata"));
                    } else if (firstById.putIfAbsent(h.id(), display + ":" + h.line()) != null) {
                        out.add(new LintMessage(display, h.line(), 1, Level.ERROR,
                                "rule id '" + h.id() + "' is also used at " + firstById.get(h.id())));
                    }
                    if (h.section() == null) {
                        out.add(new LintMessage(display, h.line(), 1, Level.ERROR,
                                "rule \"" + h.name() + "\" has no @section(\"...\") metadata"));
                    } else if (!ArticleSection.isKnown(h.section())) {
                        out.add(new LintMessage(display, h.line(), 1, Level.ERROR, "rule \"" + h.name()
                                + "\" cites unknown section '" + h.section() + "'"));
                    }
                }
            }
        } catch (IOException e) {
            out.add(new LintMessage(rulesDir.toString(), 0, 0, Level.ERROR, "cannot read rules: " + e.getMessage()));
        }
        return out;
    }

    /** Files under rules/ that are not .drl: Drools and iisdiag skip them without a word. */
    private static List<LintMessage> ignoredFiles(Path rulesDir) {
        if (!Files.isDirectory(rulesDir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(rulesDir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().endsWith(".drl"))
                    .filter(p -> !p.getFileName().toString().equalsIgnoreCase("README.md"))
                    .sorted()
                    .map(p -> new LintMessage(RuleFiles.displayName(rulesDir, p), 1, 1, Level.WARNING,
                            "not a .drl file: the rule engine skips it silently"
                                    + (p.getFileName().toString().contains(".drl") ? " (only plain .drl rule files are loaded)"
                                    : " (rename it to .drl if it holds rules, or move it out of the rules folder)")))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of(new LintMessage(rulesDir.toString(), 0, 0, Level.ERROR, "cannot list rules: " + e.getMessage()));
        }
    }

    private static List<LintMessage> unusedCatalogEntries(RuleBase ruleBase, KnowledgeBase kb) {
        List<LintMessage> out = new ArrayList<>();
        Set<String> producible = CatalogReferences.producibleActions(ruleBase, kb);
        Set<String> diagnoses = CatalogReferences.producibleDiagnoses(ruleBase, kb);
        Set<String> questions = new TreeSet<>();
        for (List<CatalogReferences.Reference> refs : ruleBase.catalogReferences().values()) {
            for (CatalogReferences.Reference ref : refs) {
                if (ref.kind() == CatalogReferences.Kind.QUESTION) {
                    questions.add(ref.id());
                }
            }
        }
        for (ActionDefinition a : kb.actions()) {
            if (!producible.contains(a.id())) {
                out.add(at(a.source(), "action '" + a.id() + "' is in no plan of a diagnosis a rule can conclude,"
                        + " answers no question and is required by no such action"));
            }
        }
        for (DiagnosisDefinition d : kb.diagnoses()) {
            if (!diagnoses.contains(d.id())) {
                out.add(at(d.source(), "diagnosis '" + d.id() + "' is never concluded by any rule or catalog entry"));
            }
        }
        for (QuestionDefinition q : kb.questions()) {
            if (!questions.contains(q.id())) {
                out.add(at(q.source(), "question '" + q.id() + "' is never asked by any rule"));
            }
        }
        return out;
    }

    private static LintMessage at(String source, String message) {
        LintMessage located = LintMessage.parse(source + ": " + message, Level.WARNING);
        return new LintMessage(located.file(), located.line(), 3, Level.WARNING, message);
    }

    /** Catalog problems carry file:line; the column is where the entry's text starts on that line. */
    private static LintMessage withColumn(Path base, LintMessage m) {
        if (base == null || m.line() <= 0) {
            return m;
        }
        try {
            List<String> lines = Files.readAllLines(base.resolve(m.file()), StandardCharsets.UTF_8);
            if (m.line() <= lines.size()) {
                String text = lines.get(m.line() - 1);
                int col = 1;
                while (col <= text.length() && Character.isWhitespace(text.charAt(col - 1))) {
                    col++;
                }
                return new LintMessage(m.file(), m.line(), col, m.level(), m.message());
            }
        } catch (IOException | RuntimeException e) {
            // keep column 1
        }
        return m;
    }
}
