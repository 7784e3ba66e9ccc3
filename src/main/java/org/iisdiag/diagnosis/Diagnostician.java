package org.iisdiag.diagnosis;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.iisdiag.casefolder.CaseFolder;
import org.iisdiag.casefolder.CaseFolderException;
import org.iisdiag.engine.CatalogCache;
import org.iisdiag.engine.FileDigests;
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
        return start(rulesDir, kbDir, tool, cacheDir).await();
    }

    /**
     * Starts loading the rule pack on threads of its own and returns at once, so that the caller can read
     * the case meanwhile ({@link Loading#read}): reading needs neither the catalogs nor the rules.
     */
    public static Loading start(Path rulesDir, Path kbDir, String tool, Path cacheDir) {
        return start(rulesDir, kbDir, tool, cacheDir, new FileDigests());
    }

    /** As {@link #start(Path, Path, String, Path)}, with the digests already taken of the pack's files in this load. */
    public static Loading start(Path rulesDir, Path kbDir, String tool, Path cacheDir, FileDigests digests) {
        return start(rulesDir, kbDir, CompletableFuture.completedFuture(tool), cacheDir, digests);
    }

    /**
     * As {@link #start(Path, Path, String, Path, FileDigests)}, with the report's tool line still being worked
     * out: the pack's identity hashes every pack file, and the loading need not wait for it (it needs the same
     * digests, which {@code digests} computes once for whichever thread asks first).
     */
    public static Loading start(Path rulesDir, Path kbDir, CompletableFuture<String> tool, Path cacheDir,
                                FileDigests digests) {
        return new Loading(rulesDir, kbDir, tool, cacheDir, digests);
    }

    /** A rule pack being loaded: the catalogs and the rules at once, each on a thread of its own. */
    public static final class Loading {
        private final CompletableFuture<KnowledgeBase> catalogs;
        private final CompletableFuture<RuleBase> rules;
        private final CompletableFuture<String> tool;
        private final LogLayouts logLayouts;

        private Loading(Diagnostician loaded) {
            this.tool = CompletableFuture.completedFuture(loaded.tool);
            this.logLayouts = loaded.logLayouts;
            this.catalogs = CompletableFuture.completedFuture(loaded.kb);
            this.rules = CompletableFuture.completedFuture(loaded.ruleBase);
        }

        /** A pack loaded before (a long-lived process keeps it): {@link #await} returns it as it is. */
        public static Loading of(Diagnostician loaded) {
            return new Loading(loaded);
        }

        private Loading(Path rulesDir, Path kbDir, CompletableFuture<String> tool, Path cacheDir, FileDigests digests) {
            this.tool = tool;
            this.logLayouts = LogLayouts.forKnowledgeBase(kbDir); // parsed when a log needs it
            // With a cache, catalogs parsed clean before (same files, same build) are read back: see CatalogCache;
            // rules compiled before are read back from the RuleBaseCache.
            catalogs = inBackground("iisdiag-catalogs", () -> CatalogCache.load(kbDir, cacheDir, digests));
            rules = inBackground("iisdiag-rules", () -> RuleBase.load(rulesDir, null, cacheDir == null ? null
                    : new RuleBaseCache(cacheDir, KnowledgeBaseLoader.catalogFiles(kbDir), digests)));
        }

        /** Reads the case while the pack loads; its errors wait until {@link #await} has said the pack's. */
        public CaseEvidence read(Path caseDir, String caseName, ReadProgress progress, int threads)
                throws CaseFolderException {
            return Diagnostician.read(logLayouts, caseDir, caseName, progress, threads);
        }

        /**
         * The loaded pack, checked rules against catalogs. A broken catalog is reported before broken
         * rules, as when loading one after the other.
         */
        public Diagnostician await() throws KnowledgeBaseException, RuleCompilationException {
            KnowledgeBase kb = join(catalogs);
            RuleBase ruleBase = join(rules);
            ruleBase.checkAgainst(kb);
            return new Diagnostician(kb, ruleBase, tool.join(), logLayouts);
        }

        /** Work that throws the loaders' checked exceptions. */
        private interface Load<T> {
            T get() throws KnowledgeBaseException, RuleCompilationException;
        }

        private static <T> CompletableFuture<T> inBackground(String name, Load<T> load) {
            CompletableFuture<T> result = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                try {
                    result.complete(load.get());
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            }, name);
            t.setDaemon(true);
            t.start();
            return result;
        }

        private static <T> T join(CompletableFuture<T> future) throws KnowledgeBaseException, RuleCompilationException {
            try {
                return future.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof KnowledgeBaseException kbe) {
                    throw kbe;
                }
                if (e.getCause() instanceof RuleCompilationException rce) {
                    throw rce;
                }
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw e;
            }
        }
    }

    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    public RuleBase ruleBase() {
        return ruleBase;
    }

    private static CaseEvidence read(LogLayouts logLayouts, Path caseDir, String caseName, ReadProgress progress,
                                     int threads) throws CaseFolderException {
        return new EvidenceCollector(threads, logLayouts, LogIngest.BLOCK_BYTES, progress)
                .collect(caseName, CaseFolder.scan(caseDir));
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
        return run(read(logLayouts, caseDir, caseName, progress, threads));
    }

    /** Diagnoses evidence already read (see {@link Loading#read}). */
    public Result run(CaseEvidence evidence) {
        Conclusions conclusions = new Diagnoser(ruleBase, kb).run(evidence.facts());
        return new Result(evidence, conclusions, new ReportBuilder(kb).build(evidence, conclusions, tool));
    }
}
