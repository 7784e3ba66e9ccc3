package org.iisdiag.diagnosis;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.iisdiag.casefolder.CaseFolder;
import org.iisdiag.casefolder.CaseFolderException;
import org.iisdiag.engine.CatalogCache;
import org.iisdiag.engine.Conclusions;
import org.iisdiag.engine.Diagnoser;
import org.iisdiag.engine.RuleBase;
import org.iisdiag.engine.RuleBaseCache;
import org.iisdiag.engine.RuleCompilationException;
import org.iisdiag.evidence.CaseEvidence;
import org.iisdiag.evidence.EvidenceCollector;
import org.iisdiag.evidence.ReadProgress;
import org.iisdiag.evidence.w3c.LogIngest;
import org.iisdiag.evidence.w3c.LogLayouts;
import org.iisdiag.knowledge.KnowledgeBase;
import org.iisdiag.knowledge.KnowledgeBaseException;
import org.iisdiag.knowledge.KnowledgeBaseLoader;
import org.iisdiag.report.DiagnosisReport;
import org.iisdiag.report.ReportBuilder;

/**
 * The whole flow for one case: case folder → evidence readers → facts → rules → report. The rule
 * base is built once and can diagnose many cases.
 */
public final class Diagnostician {
    private final KnowledgeBase kb;
    private final RuleBase ruleBase;
    private final String tool;
    private final LogLayouts logLayouts;

    private Diagnostician(KnowledgeBase kb, RuleBase ruleBase, String tool, LogLayouts logLayouts) {
        this.kb = kb;
        this.ruleBase = ruleBase;
        this.tool = tool;
        this.logLayouts = logLayouts;
    }

    /** Loads and validates the catalogs, then compiles the rules against them (no cache). */
    public static Diagnostician load(Path rulesDir, Path kbDir, String tool)
            throws KnowledgeBaseException, RuleCompilationException {
        return load(rulesDir, kbDir, tool, null);
    }

    /**
     * As {@link #load(Path, Path, String)}, taking the compiled rules from {@code cacheDir} when the
     * rule and catalog files are unchanged (null: always compile).
     */
    public static Diagnostician load(Path rulesDir, Path kbDir, String tool, Path cacheDir)
            throws KnowledgeBaseException, RuleCompilationException {
        // Parsing the catalogs and loading the rules are independent: on two cores, do both at once.
        // With a cache, catalogs parsed clean before (same files, same build) are read back: see CatalogCache.
        CompletableFuture<KnowledgeBase> catalogs = CompletableFuture.supplyAsync(() -> {
            try {
                return CatalogCache.load(kbDir, cacheDir);
            } catch (KnowledgeBaseException e) {
                throw new CompletionException(e);
            }
        });
        RuleBaseCache cache = cacheDir == null ? null : new RuleBaseCache(cacheDir,
                KnowledgeBaseLoader.catalogFiles(kbDir));
        RuleBase rules;
        try {
            rules = RuleBase.load(rulesDir, null, cache);
        } catch (RuleCompilationException e) {
            await(catalogs); // a broken catalog is reported first, as when loading one after the other
            throw e;
        }
        KnowledgeBase kb = await(catalogs);
        rules.checkAgainst(kb);
        return new Diagnostician(kb, rules, tool, LogLayouts.forKnowledgeBase(kbDir)); // parsed when a log needs it
    }

    private static KnowledgeBase await(CompletableFuture<KnowledgeBase> catalogs) throws KnowledgeBaseException {
        try {
            return catalogs.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof KnowledgeBaseException kbe) {
                throw kbe;
            }
            throw e;
        }
    }

    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    public RuleBase ruleBase() {
        return ruleBase;
    }

    /** What one diagnosis produced: the evidence read, the rules' raw conclusions, and the report. */
    public record Result(CaseEvidence evidence, Conclusions conclusions, DiagnosisReport report) {
    }

    /** Reads the case folder and diagnoses it. {@code caseName} is how the report names the case. */
    public DiagnosisReport diagnose(Path caseDir, String caseName) throws CaseFolderException {
        return run(caseDir, caseName).report();
    }

    /** As {@link #diagnose(Path, String)}, keeping the conclusions (which rules fired) for tests and traces. */
    public Result run(Path caseDir, String caseName) throws CaseFolderException {
        return run(caseDir, caseName, ReadProgress.NONE, Runtime.getRuntime().availableProcessors());
    }

    /**
     * As {@link #run(Path, String)}, telling {@code progress} how reading the evidence goes and parsing logs
     * on {@code threads} threads (the result is the same for any number).
     */
    public Result run(Path caseDir, String caseName, ReadProgress progress, int threads) throws CaseFolderException {
        CaseEvidence evidence = new EvidenceCollector(threads, logLayouts, LogIngest.BLOCK_BYTES, progress)
                .collect(caseName, CaseFolder.scan(caseDir));
        Conclusions conclusions = new Diagnoser(ruleBase, kb).run(evidence.facts());
        return new Result(evidence, conclusions, new ReportBuilder(kb).build(evidence, conclusions, tool));
    }
}
