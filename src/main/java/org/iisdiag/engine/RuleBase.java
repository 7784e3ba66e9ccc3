package org.iisdiag.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.iisdiag.knowledge.ArticleSection;
import org.iisdiag.knowledge.KnowledgeBase;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.internal.builder.conf.PropertySpecificOption;
import org.kie.internal.conf.ConstraintJittingThresholdOption;

/**
 * The rule pack compiled from the rules/ folder on disk through the KIE API, so an author's edit takes
 * effect on the next run. Compile errors, missing metadata and unknown catalog ids all fail the build
 * with "file:line: message".
 */
public final class RuleBase {
    public static final String KB_GLOBAL = "kb";
    /** The global through which rules resolve sites, applications and pools: {@code targets.of($fact)}. */
    public static final String TARGETS_GLOBAL = "targets";
    private static final String RESOURCE_ROOT = "src/main/resources/";
    /**
     * Never compile MVEL constraints to bytecode. Drools does so after 20 evaluations, to pay back over a
     * long-lived session; a diagnosis is one short session over a few thousand facts at most, so the
     * generated classes (about 70 per run) cost more than they save.
     */
    static final int JITTING_THRESHOLD = -1;
    /**
     * Fact types are not property reactive. Drools would otherwise work out, for every pattern and node on
     * every load of the pack, which properties each listens to (a tenth of building the network), so that a
     * {@code modify} re-evaluates only what reads the changed properties; the rules never modify a fact,
     * they insert conclusions, so nothing would use them (RuleBaseTest checks that no rule modifies).
     */
    static final PropertySpecificOption PROPERTY_REACTIVITY = PropertySpecificOption.ALLOWED;
    private static final AtomicInteger BUILDS = new AtomicInteger();
    /** Names the JVM property that, set to true, makes every case run on the whole pack (as IISDIAG_WHOLE_PACK does). */
    public static final String WHOLE_PACK_PROPERTY = "iisdiag.wholePack";
    /**
     * IISDIAG_WHOLE_PACK set: every case runs on the whole pack (to measure, or to rule narrowing out of a problem);
     * also the daemon's way ({@link #WHOLE_PACK_PROPERTY}), which serves many cases from one network.
     */
    private static final boolean WHOLE_PACK = System.getenv("IISDIAG_WHOLE_PACK") != null
            || Boolean.getBoolean(WHOLE_PACK_PROPERTY);

    /** The rule base compiled in this run; null when the pack came from the cache. */
    private final KieBase compiled;
    /** The pack read back from the cache; null when compiled in this run. */
    private final CachedPack cached;
    /** What each rule needs of the case's evidence; null when compiled in this run (nothing to narrow). */
    private final EvidenceRequirements requirements;
    private final List<RuleInfo> rules;
    private final boolean hasKbGlobal;
    private final boolean hasTargetsGlobal;

    private final Map<String, String> sources;
    private final SourceIndex index;

    /** The whole pack's rule base, built from the cached packages on first need. */
    private KieBase whole;
    /** The last rule base built without some rules, and which rules it lacks. */
    private KieBase narrowed;
    private Set<String> narrowedWithout;

    private RuleBase(KieBase compiled, CachedPack cached, Collection<KiePackage> packages, List<RuleInfo> rules,
                     Map<String, String> sources, SourceIndex index) {
        this.compiled = compiled;
        this.cached = cached;
        this.requirements = cached == null ? null : EvidenceRequirements.of(packages, RuleBase.class.getClassLoader());
        this.rules = List.copyOf(rules);
        this.sources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        this.index = index;
        this.hasKbGlobal = hasGlobal(packages, KB_GLOBAL);
        this.hasTargetsGlobal = hasGlobal(packages, TARGETS_GLOBAL);
    }

    public static RuleBase build(Path rulesDir, KnowledgeBase kb) throws RuleCompilationException {
        return load(rulesDir, kb, null);
    }

    /**
     * Compiles the pack (catalog ids are checked against {@code kb} unless it is null), or takes it from {@code cache} when an entry exists for exactly these rule
     * sources (and whatever else the cache keys on). Metadata and catalog references are checked
     * either way, from the sources. A pack from the cache is only read here: its rule network is built
     * for the first case it diagnoses ({@link #newSessionFor}), or whole on first need.
     */
    public static RuleBase load(Path rulesDir, KnowledgeBase kb, RuleBaseCache cache) throws RuleCompilationException {
        Map<String, String> sources = readSources(rulesDir);
        List<String> problems = new ArrayList<>();
        RuleBaseCache.Hit hit = cache == null ? null : cache.get(sources);
        KieBase compiled = null;
        SourceIndex index;
        Collection<KiePackage> packages;
        if (hit != null) {
            index = hit.index();
            packages = hit.pack().ahead();
        } else {
            compiled = compile(rulesDir, sources);
            index = SourceIndex.of(sources);
            packages = compiled.getKiePackages();
        }
        List<RuleInfo> infos = describe(packages, index, problems);
        if (kb != null) {
            checkCatalogReferences(index, kb, problems);
        }
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems);
        }
        if (cache != null && compiled != null) {
            cache.put(sources, compiled, index);
        }
        return new RuleBase(compiled, hit == null ? null : hit.pack(), packages, infos, sources, index);
    }

    /** The .drl files of the pack by display name ("rules/x/y.drl"), in path order. */
    static Map<String, String> readSources(Path rulesDir) throws RuleCompilationException {
        if (!Files.isDirectory(rulesDir)) {
            throw new RuleCompilationException(List.of(rulesDir + ": rules folder not found"));
        }
        Map<String, String> sources = new LinkedHashMap<>();
        try {
            for (Path file : RuleFiles.list(rulesDir)) {
                sources.put(RuleFiles.displayName(rulesDir, file), Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new RuleCompilationException(List.of(rulesDir + ": cannot read rules: " + e.getMessage()));
        }
        if (sources.isEmpty()) {
            throw new RuleCompilationException(List.of(rulesDir + ": no .drl files found"));
        }
        return sources;
    }

    private static KieBase compile(Path rulesDir, Map<String, String> sources) throws RuleCompilationException {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId releaseId = ks.newReleaseId("org.iisdiag", "rule-pack", "1.0." + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(releaseId);
        KieModuleModel module = ks.newKieModuleModel();
        module.setConfigurationProperty(ConstraintJittingThresholdOption.PROPERTY_NAME, String.valueOf(JITTING_THRESHOLD));
        module.setConfigurationProperty(PropertySpecificOption.PROPERTY_NAME, PROPERTY_REACTIVITY.name());
        module.newKieBaseModel("iisdiag").setDefault(true).newKieSessionModel("diagnosis").setDefault(true);
        kfs.writeKModuleXML(module.toXML());
        Map<String, String> displayByResource = new HashMap<>();
        WildcardImports imports = new WildcardImports(RuleBase.class.getClassLoader());
        sources.forEach((display, text) -> {
            String resource = RESOURCE_ROOT + display;
            displayByResource.put(resource, display);
            kfs.write(resource, imports.expand(text));
        });
        KieBuilder builder;
        try {
            builder = ks.newKieBuilder(kfs).buildAll();
        } catch (RuntimeException e) {
            throw new RuleCompilationException(List.of(rulesDir + ": rule build failed: " + e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            if (m.getText() != null && m.getText().startsWith("Parser returned a null Package")) {
                continue; // spurious companion of every syntax error
            }
            String path = m.getPath() == null ? "" : displayByResource.getOrDefault(m.getPath(), m.getPath());
            String text = m.getText().strip().replaceAll("\\s*\\n\\s*", " ");
            String source = sources.get(path);
            if (source == null) {
                problems.add(path + ":" + m.getLine() + ":1: " + text);
            } else {
                DrlErrorLocator.Position at = DrlErrorLocator.locate(source, m.getLine(), text);
                problems.add(path + ":" + at.line() + ":" + at.column() + ": " + DrlErrorLocator.clean(text));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems);
        }
        return ks.newKieContainer(releaseId).getKieBase();
    }

    private static final SourceIndex.Location NOWHERE = new SourceIndex.Location("?", 0);

    private static List<RuleInfo> describe(Collection<KiePackage> packages, SourceIndex index, List<String> problems) {
        List<Rule> all = new ArrayList<>();
        Map<Rule, SourceIndex.Location> whereByRule = new HashMap<>();
        for (KiePackage pkg : packages) {
            // queries are shared conditions (rules use them), not guidance of their own
            java.util.Set<String> queries = new java.util.HashSet<>();
            pkg.getQueries().forEach(q -> queries.add(q.getName()));
            for (Rule rule : pkg.getRules()) {
                if (queries.contains(rule.getName())) {
                    continue;
                }
                all.add(rule);
                SourceIndex.Location where = index.where(rule.getPackageName(), rule.getName());
                whereByRule.put(rule, where != null ? where : NOWHERE);
            }
        }
        // File order, so that a duplicate id is always reported at its later occurrence.
        all.sort(Comparator.comparing((Rule r) -> whereByRule.get(r).file())
                .thenComparingInt(r -> whereByRule.get(r).line()));
        List<RuleInfo> infos = new ArrayList<>();
        Map<String, RuleInfo> byId = new HashMap<>();
        for (Rule rule : all) {
            SourceIndex.Location where = whereByRule.get(rule);
            String loc = where.file() + ":" + where.line() + ":1";
            Object id = rule.getMetaData().get("id");
            Object section = rule.getMetaData().get("section");
            if (id == null) {
                problems.add(loc + ": rule \"" + rule.getName() + "\" has no @id(\"...\") metadata");
                continue;
            }
            if (section == null) {
                problems.add(loc + ": rule \"" + rule.getName() + "\" has no @section(\"...\") metadata");
            } else if (!ArticleSection.isKnown(section.toString())) {
                problems.add(loc + ": rule \"" + rule.getName() + "\" cites unknown section '" + section
                        + "' (known: " + ArticleSection.ALL + ")");
            }
            RuleInfo info = new RuleInfo(id.toString(), rule.getName(), String.valueOf(section), where.file(),
                    where.line());
            RuleInfo previous = byId.putIfAbsent(info.id(), info);
            if (previous != null) {
                problems.add(loc + ": rule id '" + info.id() + "' is also used at " + previous.location());
            }
            infos.add(info);
        }
        infos.sort(Comparator.comparing(RuleInfo::id));
        return infos;
    }

    private static void checkCatalogReferences(SourceIndex index, KnowledgeBase kb, List<String> problems) {
        index.references().forEach((file, refs) -> {
            for (CatalogReferences.Reference ref : refs) {
                String where = file + ":" + ref.line() + ":" + ref.column() + ": ";
                if (ref.id() == null) {
                    continue; // an id taken from a catalog field (e.g. fixActions), validated when the catalog loads
                }
                boolean known = switch (ref.kind()) {
                    case ACTION -> kb.action(ref.id()) != null;
                    case DIAGNOSIS -> kb.diagnosis(ref.id()) != null;
                    case QUESTION -> kb.question(ref.id()) != null;
                    case REVELATION -> kb.revelations().containsKey(ref.id());
                };
                if (!known) {
                    problems.add(where + "unknown " + ref.kind().name().toLowerCase(java.util.Locale.ROOT) + " id '" + ref.id() + "'");
                }
            }
        });
    }

    /**
     * Checks the catalog ids the rules name against {@code kb}; for callers that loaded the rules
     * without a knowledge base (to load both at once).
     */
    public void checkAgainst(KnowledgeBase kb) throws RuleCompilationException {
        List<String> problems = new ArrayList<>();
        checkCatalogReferences(index, kb, problems);
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems);
        }
    }

    /** The catalog ids each rule file names, by display name, in file order (see {@link CatalogReferences}). */
    public Map<String, List<CatalogReferences.Reference>> catalogReferences() {
        return index.references();
    }

    /** The DRL text of each rule file by display name ("rules/x/y.drl"), in path order. */
    public Map<String, String> sources() {
        return sources;
    }

    /** Whether this rule base was loaded from the compiled-rule cache rather than compiled. */
    public boolean fromCache() {
        return cached != null;
    }

    public List<RuleInfo> rules() {
        return rules;
    }

    private static boolean hasGlobal(Collection<KiePackage> packages, String name) {
        return packages.stream().anyMatch(p -> p.getGlobalVariables().stream().anyMatch(g -> g.getName().equals(name)));
    }

    /** A fresh session over the whole pack, with the knowledge base bound to {@code kb} and the case's targets to {@code targets}. */
    public KieSession newSession(KnowledgeBase kb, org.iisdiag.targets.TargetDirectory targets) {
        return bind(wholeBase().newKieSession(), kb, targets);
    }

    /**
     * A session for one case: {@link #newSession} over the rules that can fire on {@code facts}. Rules that need
     * a kind of evidence of which the case has no fact (see {@link EvidenceRequirements}) are left out of its
     * rule network when the pack came from the cache and its packages are still unused (the first case a
     * load diagnoses, or any later case that leaves out the same rules); else the whole pack is used.
     */
    public CaseSession newSessionFor(Collection<?> facts, KnowledgeBase kb, org.iisdiag.targets.TargetDirectory targets) {
        KieBase base;
        EvidenceRequirements.Selection selection;
        synchronized (this) {
            selection = requirements == null || whole != null || WHOLE_PACK ? null : requirements.select(facts);
            base = selection != null && selection.narrows() ? narrowedFor(selection) : null;
            if (base == null) {
                base = wholeBase();
                selection = null;
            }
        }
        return new CaseSession(bind(base.newKieSession(), kb, targets),
                selection == null ? Set.of() : selection.missingTypes(),
                selection == null ? 0 : selection.leftOut().size());
    }

    /**
     * The network without the rules {@code selection} leaves out: the one built last time for the same rules, or one
     * built from the packages read ahead while no rule base holds them; null when neither can be had (the packages
     * are taken, or could not be narrowed: then they make the whole pack's network).
     */
    private KieBase narrowedFor(EvidenceRequirements.Selection selection) {
        if (selection.leftOut().equals(narrowedWithout)) {
            return narrowed;
        }
        if (cached.ahead() == null) {
            return null;
        }
        Collection<KiePackage> packages = cached.take();
        if (!PackageNarrowing.leaveOut(packages, selection.leftOut())) {
            whole = CachedPack.newKieBase(packages); // untouched: the whole pack
            narrowed = null;
            narrowedWithout = null;
            return null;
        }
        narrowed = CachedPack.newKieBase(packages);
        narrowedWithout = selection.leftOut();
        return narrowed;
    }

    /**
     * A case's session, and the evidence types whose absence left rules out of it: a rule that inserts a fact of
     * one of them would have needed the whole pack ({@link Diagnoser} then runs the case again on it).
     */
    public record CaseSession(KieSession session, Set<Class<?>> missingTypes, int rulesLeftOut) {
        /** Whether {@code inserted} is of a kind whose absence left rules out of this session. */
        public boolean revives(Object inserted) {
            for (Class<?> t : missingTypes) {
                if (t.isInstance(inserted)) {
                    return true;
                }
            }
            return false;
        }
    }

    private synchronized KieBase wholeBase() {
        if (compiled != null) {
            return compiled;
        }
        if (whole == null) {
            whole = CachedPack.newKieBase(cached.take());
            // every later case takes the whole network: a narrowed one kept would only hold memory
            narrowed = null;
            narrowedWithout = null;
        }
        return whole;
    }

    private KieSession bind(KieSession session, KnowledgeBase kb, org.iisdiag.targets.TargetDirectory targets) {
        if (hasKbGlobal) {
            session.setGlobal(KB_GLOBAL, kb);
        }
        if (hasTargetsGlobal) {
            session.setGlobal(TARGETS_GLOBAL, targets);
        }
        return session;
    }
}
