package org.iisdiag.knowledge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import org.iisdiag.conclusions.Certainty;
import org.iisdiag.conclusions.PlanRole;
import org.iisdiag.conclusions.Target;

/**
 * Loads and validates every catalog under knowledge-base/. All problems are collected (not just the
 * first) and reported together, each naming file:line and the entry.
 */
public final class KnowledgeBaseLoader {
    public static final String STATUS_CODES = "status-codes.yaml";
    public static final String WIN32 = "win32-status.yaml";
    public static final String REASONS = "httperr-reasons.yaml";
    public static final String SCANNERS = "scanner-signatures.yaml";
    public static final String ACTIONS = "actions.yaml";
    public static final String QUESTIONS = "questions.yaml";
    public static final String FREB_MODULES = "freb-modules.yaml";
    public static final String CONFIG_ERRORS = "config-errors.yaml";
    public static final String SIGNATURES = "exception-signatures.yaml";
    public static final String EXCEPTION_CODES = "exception-codes.yaml";
    /** The folder of diagnosis catalogs: every {@code *.yaml} in it, one per article section by convention. */
    public static final String DIAGNOSES = "diagnoses";

    /** The single-file catalogs the loader reads, in load order (plus every file of {@link #DIAGNOSES}). */
    public static final List<String> FILES = List.of(STATUS_CODES, WIN32, REASONS, SCANNERS, ACTIONS, QUESTIONS,
            FREB_MODULES, CONFIG_ERRORS, SIGNATURES, EXCEPTION_CODES);

    private static final Pattern STATUS_CODE = Pattern.compile("([45]\\d\\d)(?:\\.(\\d{1,3}))?");
    private static final Pattern KEBAB_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern EXCEPTION_CODE = Pattern.compile("0x[0-9a-f]{8}");

    record StatusEntry(String code, String title, String meaning, String causes, String fix, String diagnosis,
                       String certainty, String severity, String component) {
    }

    record Win32Entry(Long code, String name, String hex, String meaning, String classification, String note) {
    }

    record ReasonEntry(String reason, Integer status, String meaning, String triage, String fix,
                       String diagnosis, String certainty, Boolean appPoolRelated) {
    }

    record ScannerEntry(String id, String pattern, String note) {
    }

    record ModuleEntry(String module, String meaning, String diagnosis) {
    }

    record ConfigErrorEntry(Long win32, String hresult, String meaning, String fix, String diagnosis) {
    }

    record ActionEntry(String id, String title, String section, String kind, String cost, String risk,
                       Boolean changesServerState, String scope, Map<String, String> params, String why,
                       List<JsonNode> steps, List<String> risks, List<JsonNode> revert, List<JsonNode> verify,
                       List<String> reveals, List<JsonNode> requires) {
    }

    record PlanEntry(List<String> fix, List<String> collect, List<String> verify, List<String> ifNotFixed) {
    }

    record DiagnosisEntry(String id, String title, String section, String severity, String explanation,
                          Map<String, String> params, PlanEntry plan, String scope, String source) {
    }

    record QuestionEntry(String id, String text, String why, String answeredBy, Map<String, String> params) {
    }

    record SignatureEntry(String id, String pattern, String diagnosis, String certainty, String note) {
    }

    record ExceptionCodeEntry(String code, String name, String meaning, String diagnosis) {
    }

    /** Every catalog file of a knowledge base folder, for cache keys and watchers: the files, then the diagnoses. */
    public static List<Path> catalogFiles(Path dir) {
        List<Path> out = new ArrayList<>();
        FILES.forEach(f -> out.add(dir.resolve(f)));
        out.addAll(diagnosisFiles(dir));
        return out;
    }

    static List<Path> diagnosisFiles(Path dir) {
        Path folder = dir.resolve(DIAGNOSES);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(p)).sorted().toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    private final Path dir;
    private final List<String> problems = new ArrayList<>();
    /** Every action id written in actions.yaml, valid or not: an invalid action is reported once, at itself. */
    private final Set<String> declaredActionIds = new java.util.HashSet<>();

    private KnowledgeBaseLoader(Path dir) {
        this.dir = dir;
    }

    public static KnowledgeBase load(Path dir) throws KnowledgeBaseException {
        return new KnowledgeBaseLoader(dir).loadAll();
    }

    private KnowledgeBase loadAll() throws KnowledgeBaseException {
        if (!Files.isDirectory(dir)) {
            throw new KnowledgeBaseException(List.of(dir + ": knowledge base folder not found"));
        }
        Map<String, ActionDefinition> actions = new TreeMap<>();
        Map<String, String> globals = new TreeMap<>();
        Map<String, String> revelations = new TreeMap<>();
        loadActions(actions, globals, revelations);
        Map<String, DiagnosisDefinition> diagnoses = loadDiagnoses(actions, globals);
        Map<String, StatusCodeInfo> statuses = loadStatusCodes(diagnoses);
        Map<Long, Win32StatusInfo> win32 = loadWin32();
        Map<String, HttpErrReason> reasons = loadReasons(diagnoses);
        List<ScannerSignature> scanners = loadScanners();
        Map<String, QuestionDefinition> questions = loadQuestions(actions, globals);
        Map<String, FrebModuleInfo> modules = loadModules(diagnoses);
        Map<Long, ConfigErrorInfo> configErrors = loadConfigErrors(diagnoses);
        List<ExceptionSignature> signatures = loadSignatures(diagnoses);
        Map<String, ExceptionCode> exceptionCodes = loadExceptionCodes(diagnoses);
        if (!problems.isEmpty()) {
            throw new KnowledgeBaseException(problems);
        }
        return new KnowledgeBase(statuses, win32, reasons, scanners, actions, diagnoses, questions, modules,
                configErrors, signatures, exceptionCodes, revelations, globals);
    }

    private String display(String file) {
        return dir.getFileName() + "/" + file;
    }

    private <T> List<CatalogFile.Located<T>> entries(String file, String key, Class<T> type, Set<String> extras,
                                                     Map<String, JsonNode> extrasOut) {
        return entries(file, key, type, extras, extrasOut, new java.util.HashSet<>());
    }

    private <T> List<CatalogFile.Located<T>> entries(String file, String key, Class<T> type, Set<String> extras,
                                                     Map<String, JsonNode> extrasOut, Set<String> rejectedIds) {
        Path path = dir.resolve(file);
        if (!Files.isRegularFile(path)) {
            problems.add(display(file) + ": missing catalog file");
            return List.of();
        }
        CatalogFile.Content<T> content = CatalogFile.read(path, display(file), key, type, extras, problems);
        if (extrasOut != null) {
            extrasOut.putAll(content.extras());
        }
        rejectedIds.addAll(content.rejectedIds());
        return content.entries();
    }

    /** Checks required text fields; returns false (after recording problems) when any is missing. */
    private boolean required(String where, Map<String, Object> fields) {
        boolean ok = true;
        for (Map.Entry<String, Object> f : fields.entrySet()) {
            Object v = f.getValue();
            if (v == null || (v instanceof String s && s.isBlank()) || (v instanceof Collection<?> c && c.isEmpty())) {
                problems.add(where + ": missing required field '" + f.getKey() + "'");
                ok = false;
            }
        }
        return ok;
    }

    private static Map<String, Object> fields(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private <E extends Enum<E>> E enumValue(String where, String field, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            List<String> allowed = new ArrayList<>();
            for (E c : type.getEnumConstants()) {
                allowed.add(c.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            problems.add(where + ": field '" + field + "' has unknown value '" + value + "' (allowed: "
                    + String.join(", ", allowed) + ")");
            return null;
        }
    }

    private void checkSection(String where, String section) {
        if (section != null && !ArticleSection.isKnown(section)) {
            problems.add(where + ": unknown article section '" + section + "' (known: " + ArticleSection.ALL + ")");
        }
    }

    private void checkActionRefs(String where, List<String> ids, Map<String, ActionDefinition> actions) {
        if (ids == null) {
            return;
        }
        for (String id : ids) {
            if (!actions.containsKey(id) && !declaredActionIds.contains(id)) {
                problems.add(where + ": unknown action id '" + id + "' (not in " + ACTIONS + ")");
            }
        }
    }

    private void checkPlaceholders(String where, Map<String, String> params, Map<String, String> globals,
                                   String... texts) {
        for (String text : texts) {
            for (String name : Template.placeholders(text)) {
                if (!params.containsKey(name) && !globals.containsKey(name)) {
                    problems.add(where + ": placeholder {" + name + "} is not declared in params or globals");
                }
            }
        }
    }

    private <K, V> void putUnique(Map<K, V> map, K key, V value, String where, String what) {
        if (map.putIfAbsent(key, value) != null) {
            problems.add(where + ": duplicate " + what + " '" + key + "'");
        }
    }

    private void loadActions(Map<String, ActionDefinition> out, Map<String, String> globals,
                             Map<String, String> revelations) {
        Map<String, JsonNode> extras = new LinkedHashMap<>();
        var list = entries(ACTIONS, "actions", ActionEntry.class, Set.of("globals", "revelations"), extras,
                declaredActionIds);
        list.stream().map(l -> l.value().id()).filter(java.util.Objects::nonNull).forEach(declaredActionIds::add);
        JsonNode g = extras.get("globals");
        if (g != null) {
            g.properties().forEach(e -> globals.put(e.getKey(), e.getValue().asText()));
        }
        JsonNode r = extras.get("revelations");
        if (r != null) {
            r.properties().forEach(e -> revelations.put(e.getKey(), e.getValue().asText().strip()));
        }
        List<Runnable> requirementChecks = new ArrayList<>();
        for (var located : list) {
            ActionEntry a = located.value();
            String where = display(ACTIONS) + ":" + located.line() + ": action '" + a.id() + "'";
            if (!required(where, fields("id", a.id(), "title", a.title(), "section", a.section(), "kind", a.kind(),
                    "cost", a.cost(), "risk", a.risk(), "changesServerState", a.changesServerState(), "why", a.why(),
                    "steps", a.steps()))) {
                continue;
            }
            checkId(where, a.id());
            checkSection(where, a.section());
            ActionKind kind = enumValue(where, "kind", a.kind(), ActionKind.class);
            Level cost = enumValue(where, "cost", a.cost(), Level.class);
            Level risk = enumValue(where, "risk", a.risk(), Level.class);
            Target.Scope scope = a.scope() == null ? Target.Scope.SITE : enumValue(where, "scope", a.scope(), Target.Scope.class);
            List<String> risks = orEmpty(a.risks());
            List<Step> steps = steps(where, "steps", a.steps());
            List<Step> revert = steps(where, "revert", a.revert());
            List<Step> verify = steps(where, "verify", a.verify());
            if (risk != null && risk != Level.NONE && risks.isEmpty()) {
                problems.add(where + ": risk is " + a.risk() + " but no 'risks' are listed");
            }
            if (a.changesServerState() && revert.isEmpty()) {
                problems.add(where + ": changes server state but has no 'revert' steps");
            }
            List<String> reveals = orEmpty(a.reveals());
            for (String rv : reveals) {
                if (!revelations.containsKey(rv)) {
                    problems.add(where + ": reveals unknown revelation '" + rv + "' (declared: " + revelations.keySet() + ")");
                }
            }
            if (kind == ActionKind.FIX && !reveals.isEmpty()) {
                problems.add(where + ": a fix removes a cause and reveals nothing; 'reveals' is for actions that collect or show");
            }
            List<Requirement> requires = requirements(where, a.requires());
            requirementChecks.add(() -> requires.forEach(req -> checkActionRefs(where + " requires",
                    List.of(req.actionId()), out)));
            Map<String, String> params = a.params() == null ? Map.of() : new TreeMap<>(a.params());
            List<String> all = new ArrayList<>(List.of(a.title(), a.why()));
            steps.forEach(st -> all.add(st.text()));
            all.addAll(risks);
            revert.forEach(st -> all.add(st.text()));
            verify.forEach(st -> all.add(st.text()));
            checkPlaceholders(where, params, globals, all.toArray(String[]::new));
            if (kind == null || cost == null || risk == null || scope == null) {
                continue;
            }
            putUnique(out, a.id(), new ActionDefinition(a.id(), a.title(), a.section(), kind, cost, risk,
                    a.changesServerState(), scope, params, a.why().strip(), steps, strip(risks), revert, verify,
                    List.copyOf(reveals), requires, display(ACTIONS) + ":" + located.line()), where, "action id");
        }
        requirementChecks.forEach(Runnable::run);
    }

    /** Steps written as text, or as {@code {text: ..., when: {...}, unless: {...}}}. */
    private List<Step> steps(String where, String field, List<JsonNode> nodes) {
        List<Step> out = new ArrayList<>();
        for (JsonNode n : orEmpty(nodes)) {
            if (n.isTextual()) {
                out.add(Step.always(n.asText().strip()));
            } else if (n.isObject()) {
                Set<String> keys = new java.util.TreeSet<>();
                n.fieldNames().forEachRemaining(keys::add);
                keys.removeAll(Set.of("text", "when", "unless"));
                if (!keys.isEmpty()) {
                    problems.add(where + ": a step in '" + field + "' has unknown keys " + keys + " (allowed: text, when, unless)");
                }
                if (!n.path("text").isTextual() || n.path("text").asText().isBlank()) {
                    problems.add(where + ": a step in '" + field + "' has no 'text'");
                    continue;
                }
                out.add(new Step(n.path("text").asText().strip(),
                        new Condition(condition(where, field, n.get("when")), condition(where, field, n.get("unless")))));
            } else {
                problems.add(where + ": a step in '" + field + "' must be text or a mapping with 'text'");
            }
        }
        return List.copyOf(out);
    }

    /** A condition's {name: value | [values]} as name -> values. */
    private Map<String, List<String>> condition(String where, String field, JsonNode node) {
        Map<String, List<String>> out = new TreeMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            problems.add(where + ": a condition in '" + field + "' must be a mapping of name to value(s)");
            return out;
        }
        node.properties().forEach(e -> {
            List<String> values = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(v -> values.add(v.asText()));
            } else {
                values.add(e.getValue().asText());
            }
            if (values.isEmpty() || values.stream().anyMatch(String::isBlank)) {
                problems.add(where + ": condition '" + e.getKey() + "' in '" + field + "' has an empty value");
            }
            out.put(e.getKey(), List.copyOf(values));
        });
        return out;
    }

    /** {@code requires}: action ids, or {@code {action: id, when: {...}}}. */
    private List<Requirement> requirements(String where, List<JsonNode> nodes) {
        List<Requirement> out = new ArrayList<>();
        for (JsonNode n : orEmpty(nodes)) {
            if (n.isTextual()) {
                out.add(new Requirement(n.asText().strip(), Condition.ALWAYS));
            } else if (n.isObject() && n.path("action").isTextual()) {
                out.add(new Requirement(n.path("action").asText().strip(),
                        new Condition(condition(where, "requires", n.get("when")), condition(where, "requires", n.get("unless")))));
            } else {
                problems.add(where + ": a 'requires' entry must be an action id or {action: id, when: {...}}");
            }
        }
        return List.copyOf(out);
    }

    private Map<String, DiagnosisDefinition> loadDiagnoses(Map<String, ActionDefinition> actions,
                                                           Map<String, String> globals) {
        Map<String, DiagnosisDefinition> out = new TreeMap<>();
        List<Path> files = diagnosisFiles(dir);
        if (files.isEmpty()) {
            problems.add(display(DIAGNOSES) + ": missing catalog folder (or it holds no .yaml file)");
        }
        for (Path file : files) {
            String name = DIAGNOSES + "/" + file.getFileName();
            for (var located : entries(name, "diagnoses", DiagnosisEntry.class, Set.of(), null)) {
                DiagnosisEntry d = located.value();
                String where = display(name) + ":" + located.line() + ": diagnosis '" + d.id() + "'";
                if (!required(where, fields("id", d.id(), "title", d.title(), "section", d.section(),
                        "severity", d.severity(), "explanation", d.explanation(), "plan", d.plan()))) {
                    continue;
                }
                checkId(where, d.id());
                checkSection(where, d.section());
                Map<String, String> params = d.params() == null ? Map.of() : new TreeMap<>(d.params());
                checkPlaceholders(where, params, globals, d.title(), d.explanation());
                Severity severity = enumValue(where, "severity", d.severity(), Severity.class);
                java.util.EnumMap<PlanRole, List<String>> plan = new java.util.EnumMap<>(PlanRole.class);
                plan.put(PlanRole.FIX, orEmpty(d.plan().fix()));
                plan.put(PlanRole.COLLECT, orEmpty(d.plan().collect()));
                plan.put(PlanRole.VERIFY, orEmpty(d.plan().verify()));
                plan.put(PlanRole.IF_NOT_FIXED, orEmpty(d.plan().ifNotFixed()));
                plan.values().forEach(ids -> checkActionRefs(where, ids, actions));
                if (plan.values().stream().allMatch(List::isEmpty)) {
                    problems.add(where + ": the plan names no action (fix, collect, verify or ifNotFixed)");
                }
                Target.Scope scope = d.scope() == null ? null : enumValue(where, "scope", d.scope(), Target.Scope.class);
                putUnique(out, d.id(), new DiagnosisDefinition(d.id(), d.title(), d.section(), severity,
                        d.explanation().strip(), params, Map.copyOf(plan), scope, display(name) + ":" + located.line()),
                        where, "diagnosis id");
            }
        }
        return out;
    }

    private void checkDiagnosisRef(String where, String id, Map<String, DiagnosisDefinition> diagnoses) {
        if (id != null && !id.isBlank() && !diagnoses.containsKey(id)) {
            problems.add(where + ": unknown diagnosis id '" + id + "' (not in " + DIAGNOSES + "/)");
        }
    }

    /** A certainty; the default when absent. */
    private Certainty certainty(String where, String value, Certainty def) {
        return value == null ? def : enumValue(where, "certainty", value, Certainty.class);
    }

    private Map<String, StatusCodeInfo> loadStatusCodes(Map<String, DiagnosisDefinition> diagnoses) {
        Map<String, StatusCodeInfo> out = new TreeMap<>();
        for (var located : entries(STATUS_CODES, "statusCodes", StatusEntry.class, Set.of(), null)) {
            StatusEntry s = located.value();
            String where = display(STATUS_CODES) + ":" + located.line() + ": status code '" + s.code() + "'";
            if (!required(where, fields("code", s.code(), "title", s.title(), "meaning", s.meaning(),
                    "severity", s.severity(), "component", s.component()))) {
                continue;
            }
            var m = STATUS_CODE.matcher(s.code());
            if (!m.matches()) {
                problems.add(where + ": code must be a 4xx/5xx status or status.substatus, e.g. \"500\" or \"500.19\"");
                continue;
            }
            checkDiagnosisRef(where, s.diagnosis(), diagnoses);
            Severity severity = enumValue(where, "severity", s.severity(), Severity.class);
            Certainty certainty = certainty(where, s.certainty(), Certainty.CONFIRMED);
            int status = Integer.parseInt(m.group(1));
            int sub = m.group(2) == null ? -1 : Integer.parseInt(m.group(2));
            putUnique(out, s.code(), new StatusCodeInfo(status, sub, s.title(), s.meaning().strip(), strip(s.causes()),
                    strip(s.fix()), strip(s.diagnosis()), certainty, severity, s.component()), where, "status code");
        }
        return out;
    }

    private Map<Long, Win32StatusInfo> loadWin32() {
        Map<Long, Win32StatusInfo> out = new TreeMap<>();
        for (var located : entries(WIN32, "win32Statuses", Win32Entry.class, Set.of(), null)) {
            Win32Entry w = located.value();
            String where = display(WIN32) + ":" + located.line() + ": win32 status '" + w.code() + "'";
            if (!required(where, fields("code", w.code(), "name", w.name(), "hex", w.hex(), "meaning", w.meaning(),
                    "classification", w.classification()))) {
                continue;
            }
            Win32Class cls = enumValue(where, "classification", w.classification(), Win32Class.class);
            putUnique(out, w.code(), new Win32StatusInfo(w.code(), w.name(), w.hex(), w.meaning().strip(), cls,
                    strip(w.note())), where, "win32 code");
        }
        return out;
    }

    private Map<String, HttpErrReason> loadReasons(Map<String, DiagnosisDefinition> diagnoses) {
        Map<String, HttpErrReason> out = new TreeMap<>();
        for (var located : entries(REASONS, "reasons", ReasonEntry.class, Set.of(), null)) {
            ReasonEntry r = located.value();
            String where = display(REASONS) + ":" + located.line() + ": reason '" + r.reason() + "'";
            if (!required(where, fields("reason", r.reason(), "meaning", r.meaning(), "triage", r.triage(),
                    "appPoolRelated", r.appPoolRelated()))) {
                continue;
            }
            Triage triage = enumValue(where, "triage", r.triage(), Triage.class);
            if (triage != null && triage != Triage.NOISE && (r.fix() == null || r.fix().isBlank())) {
                problems.add(where + ": missing required field 'fix' (required unless triage is noise)");
            }
            checkDiagnosisRef(where, r.diagnosis(), diagnoses);
            putUnique(out, r.reason(), new HttpErrReason(r.reason(), r.status(), r.meaning().strip(), triage,
                    strip(r.fix()), strip(r.diagnosis()), certainty(where, r.certainty(), Certainty.CONFIRMED),
                    r.appPoolRelated()), where, "reason");
        }
        return out;
    }

    private Map<String, FrebModuleInfo> loadModules(Map<String, DiagnosisDefinition> diagnoses) {
        Map<String, FrebModuleInfo> out = new TreeMap<>();
        for (var located : entries(FREB_MODULES, "modules", ModuleEntry.class, Set.of(), null)) {
            ModuleEntry m = located.value();
            String where = display(FREB_MODULES) + ":" + located.line() + ": module '" + m.module() + "'";
            if (!required(where, fields("module", m.module(), "meaning", m.meaning()))) {
                continue;
            }
            checkDiagnosisRef(where, m.diagnosis(), diagnoses);
            putUnique(out, m.module(), new FrebModuleInfo(m.module(), m.meaning().strip(), strip(m.diagnosis())),
                    where, "module");
        }
        return out;
    }

    private Map<Long, ConfigErrorInfo> loadConfigErrors(Map<String, DiagnosisDefinition> diagnoses) {
        Map<Long, ConfigErrorInfo> out = new TreeMap<>();
        for (var located : entries(CONFIG_ERRORS, "configErrors", ConfigErrorEntry.class, Set.of(), null)) {
            ConfigErrorEntry c = located.value();
            String where = display(CONFIG_ERRORS) + ":" + located.line() + ": config error '" + c.hresult() + "'";
            if (!required(where, fields("win32", c.win32(), "hresult", c.hresult(), "meaning", c.meaning(), "fix", c.fix(),
                    "diagnosis", c.diagnosis()))) {
                continue;
            }
            checkDiagnosisRef(where, c.diagnosis(), diagnoses);
            putUnique(out, c.win32(), new ConfigErrorInfo(c.win32(), c.hresult(), c.meaning().strip(), c.fix().strip(),
                    c.diagnosis().strip()), where, "win32 code");
        }
        return out;
    }

    private List<ExceptionSignature> loadSignatures(Map<String, DiagnosisDefinition> diagnoses) {
        List<ExceptionSignature> out = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        for (var located : entries(SIGNATURES, "signatures", SignatureEntry.class, Set.of(), null)) {
            SignatureEntry s = located.value();
            String where = display(SIGNATURES) + ":" + located.line() + ": signature '" + s.id() + "'";
            if (!required(where, fields("id", s.id(), "pattern", s.pattern(), "diagnosis", s.diagnosis(),
                    "note", s.note()))) {
                continue;
            }
            checkId(where, s.id());
            checkDiagnosisRef(where, s.diagnosis(), diagnoses);
            if (!ids.add(s.id())) {
                problems.add(where + ": duplicate signature id '" + s.id() + "'");
                continue;
            }
            Certainty certainty = certainty(where, s.certainty(), Certainty.CONFIRMED);
            try {
                out.add(new ExceptionSignature(s.id(), Pattern.compile(s.pattern()), s.diagnosis().strip(), certainty,
                        s.note().strip()));
            } catch (PatternSyntaxException e) {
                problems.add(where + ": invalid regular expression: " + e.getDescription());
            }
        }
        return out;
    }

    private Map<String, ExceptionCode> loadExceptionCodes(Map<String, DiagnosisDefinition> diagnoses) {
        Map<String, ExceptionCode> out = new TreeMap<>();
        for (var located : entries(EXCEPTION_CODES, "exceptionCodes", ExceptionCodeEntry.class, Set.of(), null)) {
            ExceptionCodeEntry c = located.value();
            String where = display(EXCEPTION_CODES) + ":" + located.line() + ": exception code '" + c.code() + "'";
            if (!required(where, fields("code", c.code(), "name", c.name(), "meaning", c.meaning()))) {
                continue;
            }
            String code = c.code().strip().toLowerCase(Locale.ROOT);
            if (!EXCEPTION_CODE.matcher(code).matches()) {
                problems.add(where + ": code must be written 0x followed by 8 hex digits, e.g. 0xc00000fd");
                continue;
            }
            checkDiagnosisRef(where, c.diagnosis(), diagnoses);
            putUnique(out, code, new ExceptionCode(code, c.name().strip(), c.meaning().strip(), strip(c.diagnosis())),
                    where, "exception code");
        }
        return out;
    }

    private List<ScannerSignature> loadScanners() {
        Map<String, ScannerSignature> out = new TreeMap<>();
        for (var located : entries(SCANNERS, "scannerUriPatterns", ScannerEntry.class, Set.of(), null)) {
            ScannerEntry s = located.value();
            String where = display(SCANNERS) + ":" + located.line() + ": scanner pattern '" + s.id() + "'";
            if (!required(where, fields("id", s.id(), "pattern", s.pattern(), "note", s.note()))) {
                continue;
            }
            try {
                putUnique(out, s.id(), new ScannerSignature(s.id(), Pattern.compile(s.pattern()), s.note()), where,
                        "scanner pattern id");
            } catch (PatternSyntaxException e) {
                problems.add(where + ": invalid regular expression: " + e.getDescription());
            }
        }
        return new ArrayList<>(out.values());
    }

    private Map<String, QuestionDefinition> loadQuestions(Map<String, ActionDefinition> actions,
                                                          Map<String, String> globals) {
        Map<String, QuestionDefinition> out = new TreeMap<>();
        for (var located : entries(QUESTIONS, "questions", QuestionEntry.class, Set.of(), null)) {
            QuestionEntry q = located.value();
            String where = display(QUESTIONS) + ":" + located.line() + ": question '" + q.id() + "'";
            if (!required(where, fields("id", q.id(), "text", q.text(), "why", q.why()))) {
                continue;
            }
            checkId(where, q.id());
            if (q.answeredBy() != null) {
                checkActionRefs(where, List.of(q.answeredBy()), actions);
            }
            Map<String, String> params = q.params() == null ? Map.of() : new TreeMap<>(q.params());
            checkPlaceholders(where, params, globals, q.text(), q.why());
            putUnique(out, q.id(), new QuestionDefinition(q.id(), q.text().strip(), q.why().strip(), q.answeredBy(),
                    params, display(QUESTIONS) + ":" + located.line()), where, "question id");
        }
        return out;
    }

    private void checkId(String where, String id) {
        if (!KEBAB_ID.matcher(id).matches()) {
            problems.add(where + ": id must be kebab-case (a-z, 0-9, '-')");
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static List<String> strip(List<String> list) {
        return list.stream().map(String::strip).toList();
    }
}
