package org.iisdiag.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;

import org.iisdiag.casefolder.CaseFolder;
import org.iisdiag.engine.CatalogCache;
import org.iisdiag.engine.Conclusions;
import org.iisdiag.engine.Diagnoser;
import org.iisdiag.engine.FileDigests;
import org.iisdiag.engine.RuleBase;
import org.iisdiag.engine.RuleBaseCache;
import org.iisdiag.evidence.CaseEvidence;
import org.iisdiag.evidence.EvidenceCollector;
import org.iisdiag.evidence.w3c.LogLayouts;
import org.iisdiag.knowledge.KnowledgeBase;
import org.iisdiag.knowledge.KnowledgeBaseLoader;
import org.iisdiag.report.JsonRenderer;
import org.iisdiag.report.ReportBuilder;

/**
 * Where a warm start of {@code diagnose} goes: run in a fresh JVM (as the launcher starts it), it does
 * what {@code diagnose} does one phase after the other (diagnose loads the catalogs and the rule base and
 * reads the case all at once) and prints one {@code PHASE name=millis} line each, and one
 * {@code PHASECPU name=millis} with the CPU time this thread spent in it (steadier than the wall time on a busy
 * machine; other threads, the JIT compiler's included, are not in it); each phase includes loading its classes.
 * Arguments: RULES_DIR KB_DIR CASE_DIR CACHE_DIR.
 */
public final class StartupPhases {
    private static long last;
    private static long lastCpu;

    private StartupPhases() {
    }

    public static void main(String[] args) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        last = System.currentTimeMillis();
        lastCpu = cpuMillis();
        phase("JVM start to main", last - jvmStart, lastCpu);
        Path rules = Path.of(args[0]);
        Path kbDir = Path.of(args[1]);
        // as diagnose does: the catalogs come from the cache when these files were parsed clean before
        boolean cached = new CatalogCache(Path.of(args[3]), KnowledgeBaseLoader.catalogFiles(kbDir)).has();
        FileDigests digests = new FileDigests(); // one read of each pack file, shared by both caches, as diagnose does
        KnowledgeBase kb = CatalogCache.load(kbDir, Path.of(args[3]), digests);
        phase("catalogs (" + (cached ? "from the catalog cache" : "YAML parse, checks, schemas; then cached") + ")");
        RuleBase rb = RuleBase.load(rules, null, new RuleBaseCache(Path.of(args[3]),
                KnowledgeBaseLoader.catalogFiles(kbDir), digests));
        phase("rule packages read from the cache" + (rb.fromCache() ? "" : " (NOT cached: compiled)"));
        rb.checkAgainst(kb);
        phase("rule/catalog cross-checks");
        CaseEvidence ev = new EvidenceCollector(Runtime.getRuntime().availableProcessors(), LogLayouts.forKnowledgeBase(kbDir))
                .collect(args[2], CaseFolder.scan(Path.of(args[2])));
        phase("case read (scan, sniff, readers)");
        RuleBase.CaseSession first = rb.newSessionFor(ev.facts(), kb, org.iisdiag.targets.TargetDirectory.of(ev.facts()));
        first.session().dispose();
        phase("rule network for its evidence (" + first.rulesLeftOut() + " of " + rb.rules().size() + " rules out)");
        Conclusions c = new Diagnoser(rb, kb).run(ev.facts());
        phase("session, facts inserted, rules fired");
        new JsonRenderer().render(new ReportBuilder(kb).build(ev, c, "iisdiag"));
        phase("report built and rendered (JSON)");
    }

    private static void phase(String name) {
        long now = System.currentTimeMillis();
        long cpu = cpuMillis();
        phase(name, now - last, cpu - lastCpu);
        last = now;
        lastCpu = cpu;
    }

    private static void phase(String name, long millis, long cpuMillis) {
        System.out.printf(Locale.ROOT, "PHASE %s=%d%nPHASECPU %s=%d%n", name, millis, name, cpuMillis);
    }

    private static long cpuMillis() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
    }
}
