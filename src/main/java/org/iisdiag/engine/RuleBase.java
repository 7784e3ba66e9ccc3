package org.iisdiag.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private final KieBase kieBase;
    private final List<RuleInfo> rules;
    private final boolean hasKbGlobal;
    private final boolean hasTargetsGlobal;

    private final boolean fromCache;
    private final Map<String, String> sources;
    private final SourceIndex index;

    private RuleBase(KieBase kieBase, List<RuleInfo> rules, boolean fromCache, Map<String, String> sources,
            SourceIndex index) {
        this.kieBase = kieBase;
        this.rules = List.copyOf(rules);
        this.fromCache = fromCache;
        this.sources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        this.index = index;
        this.hasKbGlobal = hasGlobal(kieBase, KB_GLOBAL);
        this.hasTargetsGlobal = hasGlobal(kieBase, TARGETS_GLOBAL);
    }

    public static RuleBase build(Path rulesDir, KnowledgeBase kb) throws RuleCompilationException {
        return load(rulesDir, kb, null);
    }

    /**
     * Compiles the pack (catalog ids are checked against {@code kb} unless it is null), or takes it from {@code cache} when an entry exists for exactly these rule
     * sources (and whatever else the cache keys on). Metadata and catalog references are checked
     * either way, from the sources.
     */
    public static RuleBase load(Path rulesDir, KnowledgeBase kb, RuleBaseCache cache) throws RuleCompilationException {
        Map<String, String> sources = readSources(rulesDir);
        List<String> problems = new ArrayList<>();
        RuleBaseCache.Entry entry = cache == null ? null : cache.get(sources);
        boolean cached = entry != null;
        if (entry == null) {
            entry = new RuleBaseCache.Entry(compile(rulesDir, sources), SourceIndex.of(sources));
        }
        List<RuleInfo> infos = describe(entry.kieBase(), entry.index(), problems);
        if (kb != null) {
            checkCatalogReferences(entry.index(), kb, problems);
        }
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems);
        }
        if (cache != null && !cached) {
            cache.put(sources, entry);
        }
        return new RuleBase(entry.kieBase(), infos, cached, sources, entry.index());
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

    private static List<RuleInfo> describe(KieBase kieBase, SourceIndex index, List<String> problems) {
        List<Rule> all = new ArrayList<>();
        Map<Rule, SourceIndex.Location> whereByRule = new HashMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
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
        return fromCache;
    }

    public List<RuleInfo> rules() {
        return rules;
    }

    private static boolean hasGlobal(KieBase kieBase, String name) {
        return kieBase.getKiePackages().stream()
                .anyMatch(p -> p.getGlobalVariables().stream().anyMatch(g -> g.getName().equals(name)));
    }

    /** A fresh session with the knowledge base bound to {@code kb} and the case's targets to {@code targets}. */
    public KieSession newSession(KnowledgeBase kb, org.iisdiag.targets.TargetDirectory targets) {
        KieSession session = kieBase.newKieSession();
        if (hasKbGlobal) {
            session.setGlobal(KB_GLOBAL, kb);
        }
        if (hasTargetsGlobal) {
            session.setGlobal(TARGETS_GLOBAL, targets);
        }
        return session;
    }
}
