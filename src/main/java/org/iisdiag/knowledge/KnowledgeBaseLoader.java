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
import org.iisdiag.facts.RecordEquality;
import org.iisdiag.schema.Schemas;

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
    public static final String MEDIA_TYPES = "media-types.yaml";
    /** The folder of diagnosis catalogs: every {@code *.yaml} in it, one per article section by convention. */
    public static final String DIAGNOSES = "diagnoses";

    /** The single-file catalogs the loader reads, in load order (plus every file of {@link #DIAGNOSES}). */
    public static final List<String> FILES = List.of(STATUS_CODES, WIN32, REASONS, SCANNERS, ACTIONS, QUESTIONS,
            FREB_MODULES, CONFIG_ERRORS, SIGNATURES, EXCEPTION_CODES, MEDIA_TYPES);

    private static final Pattern STATUS_CODE = Pattern.compile("([45]\\d\\d)(?:\\.(\\d{1,5}))?");

    record StatusEntry(String code, String title, String meaning, String causes, String fix, String diagnosis,
                       String certainty, String severity, String component) {
        @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
        @Override public int hashCode() { return RecordEquality.hash(this); }
    }

    record Win32Entry(Long code, String name, String hex, String meaning, String classification, String note) {
        @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
        @Override public int hashCode() { return RecordEquality.hash(this); }
    }

    record ReasonEntry(String reason, Integer status, String meaning, String triage, String fix,
                       String diagnosis, String certainty, Boolean appPoolRelated) {
        @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
        @Override public int hashCode() { return RecordEquality.hash(this); }
    }

    record MediaTypeEntry(String extension, String mimeType, String note) {
        @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
        @Override public int hashCode() { return RecordEquality.hash(this); }
    }

    record ScannerEntry(String id, String pattern, String note) {
        @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
        @Override public int hashCode() { return RecordEquality.hash(this); }
    }

    record ModuleEntry(String module, String meaning, String diagnosis, Map<String, String> byErrorCode) {
        @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
        @Override public int hashCode() { return RecordEquality.hash(this); }
    }

    record ConfigErrorEntry(Long win32, String hresult, String meaning, String fix, String diagnosis,
                            Boolean faultAtLocation) {
        @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
        @Override public int hashCode() { return RecordEquality.hash(this); }
    }

    record ActionEntry(String id, String title, String section, String kind, String cost, String risk,
                       Boolean changesServerState, String scope, Map<String, String> params, String why,
                       List<JsonNode> steps, List<String> risks, List<JsonNode> revert, List<JsonNode> verify,
                       List<String> reveals, List<JsonNode> requires) {
        @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
        @Override public int hashCode() { return RecordEquality.hash(this); }
    }

    record PlanEntry(List<String> fix, List<String> collect, List<String> verify, List<String> ifNotFixed) {
        @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
        @Override public int hashCode() { return RecordEquality.hash(this); }
    }

    record DiagnosisEntry(String id, String title, String section, String severity, String explanation,
                          Map<String, String> params, PlanEntry plan, String scope, String source) {
        @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
        @Override public int hashCode() { return RecordEquality.hash(this); }
    }

    record QuestionEntry(String id, String text, String why, String answeredBy, Map<String, String> params) {
        @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
        @Override public int hashCode() { return RecordEquality.hash(this); }
    }

    record SignatureEntry(String id, String pattern, String diagnosis, String certainty, String note) {
        @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
        @Override public int hashCode() { return RecordEquality.hash(this); }
    }

    record ExceptionCodeEntry(String code, String name, String meaning, String diagnosis) {
        @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
        @Override public int hashCode() { return RecordEquality.hash(this); }
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

    /** False when these very files already passed their schemas under this build (see engine.CatalogCache). */
    private final boolean checkSchemas;

    private KnowledgeBaseLoader(Path dir, boolean checkSchemas) {
        this.dir = dir;
        this.checkSchemas = checkSchemas;
    }

    public static KnowledgeBase load(Path dir) throws KnowledgeBaseException {
        return load(dir, true);
    }

    /**
     * As {@link #load(Path)}; with {@code checkSchemas} false the JSON Schemas are skipped (the caller knows
     * these files passed them) and only the checks across entries and files run.
     */
    public static KnowledgeBase load(Path dir, boolean checkSchemas) throws KnowledgeBaseException {
        return new KnowledgeBaseLoader(dir, checkSchemas).loadAll();
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
        Map<String, MediaType> mediaTypes = loadMediaTypes();
        if (!problems.isEmpty()) {
            throw new KnowledgeBaseException(problems);
        }
        return new KnowledgeBase(statuses, win32, reasons, scanners, actions, diagnoses, questions, modules,
                configErrors, signatures, exceptionCodes, mediaTypes, revelations, globals);
    }

    private String display(String file) {
        return dir.getFileName() + "/" + file;
    }

    private <T> List<CatalogFile.Located<T>> entries(String file, String key, Class<T> type) {
        return entries(file, key, type, null, new java.util.HashSet<>());
    }

    private <T> List<CatalogFile.Located<T>> entries(String file, String key, Class<T> type,
                                                     Map<String, JsonNode> extrasOut, Set<String> rejectedIds) {
        Path path = dir.resolve(file);
        if (!Files.isRegularFile(path)) {
            problems.add(display(file) + ": missing catalog file");
            return List.of();
        }
        CatalogFile.Content<T> content = CatalogFile.read(path, display(file),
                checkSchemas ? Schemas.named(schemaOf(file)) : null, key, type,
                problems);
        if (extrasOut != null) {
            extrasOut.putAll(content.extras());
        }
        rejectedIds.addAll(content.rejectedIds());
        return content.entries();
    }

    /** The schema of a catalog file: knowledge-base/schemas/NAME.schema.json, one for all the diagnoses files. */
    static String schemaOf(String file) {
        return file.startsWith(DIAGNOSES + "/") ? DIAGNOSES : file.substring(0, file.length() - ".yaml".length());
    }

    /**
     * Reports what the schema found wrong with an entry, prefixed like the loader's own findings, and
     * says whether the entry can be checked further (every required field there, of the right type).
     */
    private boolean reported(String file, String label, CatalogFile.Located<?> located) {
        located.problems().forEach(p -> problems.add(file + ":" + p.at() + ": " + label + ": " + p.message()));
        return located.checkable();
    }

    /**
     * An enum constant for a catalog value ("client-disconnect" is CLIENT_DISCONNECT), or null when the value
     * is not one: the schema has reported it, with the values allowed.
     */
    private static <E extends Enum<E>> E enumValue(String value, Class<E> type) {
        try {
            return value == null ? null : Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return null;
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
        var list = entries(ACTIONS, "actions", ActionEntry.class, extras, declaredActionIds);
        list.stream().filter(l -> l.value() != null && l.value().id() != null).forEach(l -> declaredActionIds.add(l.value().id()));
        JsonNode g = extras.get("globals");
        if (g != null && g.isObject()) {
            g.properties().forEach(e -> globals.put(e.getKey(), e.getValue().asText()));
        }
        JsonNode r = extras.get("revelations");
        if (r != null && r.isObject()) {
            r.properties().forEach(e -> revelations.put(e.getKey(), e.getValue().asText().strip()));
        }
        List<Runnable> requirementChecks = new ArrayList<>();
        for (var located : list) {
            ActionEntry a = located.value();
            String label = "action '" + (a == null ? located.name() : a.id()) + "'";
            String where = display(ACTIONS) + ":" + located.line() + ": " + label;
            if (!reported(display(ACTIONS), label, located)) {
                continue;
            }
            ActionKind kind = enumValue(a.kind(), ActionKind.class);
            Level risk = enumValue(a.risk(), Level.class);
            List<String> risks = orEmpty(a.risks());
            List<Step> steps = steps(a.steps());
            List<Step> revert = steps(a.revert());
            List<Step> verify = steps(a.verify());
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
            List<Requirement> requires = requirements(a.requires());
            requirementChecks.add(() -> requires.forEach(req -> checkActionRefs(where + " requires",
                    List.of(req.actionId()), out)));
            Map<String, String> params = a.params() == null ? Map.of() : new TreeMap<>(a.params());
            List<String> all = new ArrayList<>(List.of(a.title(), a.why()));
            steps.forEach(st -> all.add(st.text()));
            all.addAll(risks);
            revert.forEach(st -> all.add(st.text()));
            verify.forEach(st -> all.add(st.text()));
            checkPlaceholders(where, params, globals, all.toArray(String[]::new));
            if (!located.valid()) {
                continue;
            }
            Target.Scope scope = a.scope() == null ? Target.Scope.SITE : enumValue(a.scope(), Target.Scope.class);
            putUnique(out, a.id(), new ActionDefinition(a.id(), a.title(), a.section(), kind,
                    enumValue(a.cost(), Level.class), risk, a.changesServerState(), scope, params, a.why().strip(), steps,
                    strip(risks), revert, verify, List.copyOf(reveals), requires, display(ACTIONS) + ":" + located.line()),
                    where, "action id");
        }
        requirementChecks.forEach(Runnable::run);
    }

    /** Steps written as text, or as {@code {text: ..., when: {...}, unless: {...}}} (the schema checked the shape). */
    private static List<Step> steps(List<JsonNode> nodes) {
        List<Step> out = new ArrayList<>();
        for (JsonNode n : orEmpty(nodes)) {
            if (n.isTextual()) {
                out.add(Step.always(n.asText().strip()));
            } else if (n.isObject() && n.path("text").isTextual()) {
                out.add(new Step(n.path("text").asText().strip(),
                        new Condition(condition(n.get("when")), condition(n.get("unless")))));
            }
        }
        return List.copyOf(out);
    }

    /** A condition's {name: value | [values]} as name -> values. */
    private static Map<String, List<String>> condition(JsonNode node) {
        Map<String, List<String>> out = new TreeMap<>();
        if (node == null || !node.isObject()) {
            return out;
        }
        node.properties().forEach(e -> {
            List<String> values = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(v -> values.add(v.asText()));
            } else {
                values.add(e.getValue().asText());
            }
            out.put(e.getKey(), List.copyOf(values));
        });
        return out;
    }

    /** {@code requires}: action ids, or {@code {action: id, when: {...}, unless: {...}}}. */
    private static List<Requirement> requirements(List<JsonNode> nodes) {
        List<Requirement> out = new ArrayList<>();
        for (JsonNode n : orEmpty(nodes)) {
            if (n.isTextual()) {
                out.add(new Requirement(n.asText().strip(), Condition.ALWAYS));
            } else if (n.isObject() && n.path("action").isTextual()) {
                out.add(new Requirement(n.path("action").asText().strip(),
                        new Condition(condition(n.get("when")), condition(n.get("unless")))));
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
            for (var located : entries(name, "diagnoses", DiagnosisEntry.class)) {
                DiagnosisEntry d = located.value();
                String label = "diagnosis '" + (d == null ? located.name() : d.id()) + "'";
                String where = display(name) + ":" + located.line() + ": " + label;
                if (!reported(display(name), label, located)) {
                    continue;
                }
                Map<String, String> params = d.params() == null ? Map.of() : new TreeMap<>(d.params());
                checkPlaceholders(where, params, globals, d.title(), d.explanation());
                java.util.EnumMap<PlanRole, List<String>> plan = new java.util.EnumMap<>(PlanRole.class);
                plan.put(PlanRole.FIX, orEmpty(d.plan().fix()));
                plan.put(PlanRole.COLLECT, orEmpty(d.plan().collect()));
                plan.put(PlanRole.VERIFY, orEmpty(d.plan().verify()));
                plan.put(PlanRole.IF_NOT_FIXED, orEmpty(d.plan().ifNotFixed()));
                plan.values().forEach(ids -> checkActionRefs(where, ids, actions));
                if (plan.values().stream().allMatch(List::isEmpty)) {
                    problems.add(where + ": the plan names no action (fix, collect, verify or ifNotFixed)");
                }
                if (!located.valid()) {
                    continue;
                }
                Target.Scope scope = d.scope() == null ? null : enumValue(d.scope(), Target.Scope.class);
                putUnique(out, d.id(), new DiagnosisDefinition(d.id(), d.title(), d.section(),
                        enumValue(d.severity(), Severity.class), d.explanation().strip(), params, Map.copyOf(plan), scope,
                        display(name) + ":" + located.line()), where, "diagnosis id");
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
    private static Certainty certainty(String value, Certainty def) {
        return value == null ? def : enumValue(value, Certainty.class);
    }

    private Map<String, StatusCodeInfo> loadStatusCodes(Map<String, DiagnosisDefinition> diagnoses) {
        Map<String, StatusCodeInfo> out = new TreeMap<>();
        for (var located : entries(STATUS_CODES, "statusCodes", StatusEntry.class)) {
            StatusEntry s = located.value();
            String label = "status code '" + located.name() + "'";
            String where = display(STATUS_CODES) + ":" + located.line() + ": " + label;
            if (!reported(display(STATUS_CODES), label, located)) {
                continue;
            }
            checkDiagnosisRef(where, s.diagnosis(), diagnoses);
            var m = STATUS_CODE.matcher(s.code());
            if (!located.valid() || !m.matches()) {
                continue;
            }
            int status = Integer.parseInt(m.group(1));
            int sub = m.group(2) == null ? -1 : Integer.parseInt(m.group(2));
            putUnique(out, s.code(), new StatusCodeInfo(status, sub, s.title(), s.meaning().strip(), strip(s.causes()),
                    strip(s.fix()), strip(s.diagnosis()), certainty(s.certainty(), Certainty.CONFIRMED),
                    enumValue(s.severity(), Severity.class), s.component()), where, "status code");
        }
        return out;
    }

    private Map<Long, Win32StatusInfo> loadWin32() {
        Map<Long, Win32StatusInfo> out = new TreeMap<>();
        for (var located : entries(WIN32, "win32Statuses", Win32Entry.class)) {
            Win32Entry w = located.value();
            String label = "win32 status '" + located.name() + "'";
            String where = display(WIN32) + ":" + located.line() + ": " + label;
            if (!reported(display(WIN32), label, located) || !located.valid()) {
                continue;
            }
            putUnique(out, w.code(), new Win32StatusInfo(w.code(), w.name(), w.hex(), w.meaning().strip(),
                    enumValue(w.classification(), Win32Class.class), strip(w.note())), where, "win32 code");
        }
        return out;
    }

    private Map<String, HttpErrReason> loadReasons(Map<String, DiagnosisDefinition> diagnoses) {
        Map<String, HttpErrReason> out = new TreeMap<>();
        for (var located : entries(REASONS, "reasons", ReasonEntry.class)) {
            ReasonEntry r = located.value();
            String label = "reason '" + located.name() + "'";
            String where = display(REASONS) + ":" + located.line() + ": " + label;
            if (!reported(display(REASONS), label, located)) {
                continue;
            }
            Triage triage = enumValue(r.triage(), Triage.class);
            // a condition across fields, with the reason it holds: kept out of the schema's plain "required"
            if (triage != null && triage != Triage.NOISE && (r.fix() == null || r.fix().isBlank())) {
                problems.add(where + ": missing required field 'fix' (required unless triage is noise)");
                continue;
            }
            checkDiagnosisRef(where, r.diagnosis(), diagnoses);
            if (!located.valid()) {
                continue;
            }
            putUnique(out, r.reason(), new HttpErrReason(r.reason(), r.status(), r.meaning().strip(), triage,
                    strip(r.fix()), strip(r.diagnosis()), certainty(r.certainty(), Certainty.CONFIRMED),
                    r.appPoolRelated()), where, "reason");
        }
        return out;
    }

    private Map<String, FrebModuleInfo> loadModules(Map<String, DiagnosisDefinition> diagnoses) {
        Map<String, FrebModuleInfo> out = new TreeMap<>();
        for (var located : entries(FREB_MODULES, "modules", ModuleEntry.class)) {
            ModuleEntry m = located.value();
            String label = "module '" + located.name() + "'";
            String where = display(FREB_MODULES) + ":" + located.line() + ": " + label;
            if (!reported(display(FREB_MODULES), label, located)) {
                continue;
            }
            checkDiagnosisRef(where, m.diagnosis(), diagnoses);
            Map<String, String> byCode = new TreeMap<>();
            if (m.byErrorCode() != null) {
                // the schema has checked each key is an error code as FREB writes it (0x and 8 hex digits)
                m.byErrorCode().forEach((code, id) -> {
                    if (id == null || id.isBlank()) {
                        problems.add(where + ": byErrorCode " + code + " names no diagnosis");
                    } else if (byCode.put(code.toLowerCase(Locale.ROOT), id.strip()) != null) {
                        problems.add(where + ": byErrorCode " + code + " is given twice");
                    }
                    checkDiagnosisRef(where + " byErrorCode " + code, id, diagnoses);
                });
            }
            if (located.valid()) {
                putUnique(out, m.module(), new FrebModuleInfo(m.module(), m.meaning().strip(), strip(m.diagnosis()),
                        byCode), where, "module");
            }
        }
        return out;
    }

    private Map<Long, ConfigErrorInfo> loadConfigErrors(Map<String, DiagnosisDefinition> diagnoses) {
        Map<Long, ConfigErrorInfo> out = new TreeMap<>();
        for (var located : entries(CONFIG_ERRORS, "configErrors", ConfigErrorEntry.class)) {
            ConfigErrorEntry c = located.value();
            String label = "config error '" + located.name() + "'";
            String where = display(CONFIG_ERRORS) + ":" + located.line() + ": " + label;
            if (!reported(display(CONFIG_ERRORS), label, located)) {
                continue;
            }
            checkDiagnosisRef(where, c.diagnosis(), diagnoses);
            if (located.valid()) {
                putUnique(out, c.win32(), new ConfigErrorInfo(c.win32(), c.hresult(), c.meaning().strip(), c.fix().strip(),
                        c.diagnosis().strip(), c.faultAtLocation() == null || c.faultAtLocation()), where, "win32 code");
            }
        }
        return out;
    }

    private List<ExceptionSignature> loadSignatures(Map<String, DiagnosisDefinition> diagnoses) {
        List<ExceptionSignature> out = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        for (var located : entries(SIGNATURES, "signatures", SignatureEntry.class)) {
            SignatureEntry s = located.value();
            String label = "signature '" + located.name() + "'";
            String where = display(SIGNATURES) + ":" + located.line() + ": " + label;
            if (!reported(display(SIGNATURES), label, located)) {
                continue;
            }
            checkDiagnosisRef(where, s.diagnosis(), diagnoses);
            if (!ids.add(s.id())) {
                problems.add(where + ": duplicate signature id '" + s.id() + "'");
                continue;
            }
            try {
                Pattern pattern = Pattern.compile(s.pattern());
                if (located.valid()) {
                    out.add(new ExceptionSignature(s.id(), pattern, s.diagnosis().strip(),
                            certainty(s.certainty(), Certainty.CONFIRMED), s.note().strip()));
                }
            } catch (PatternSyntaxException e) {
                problems.add(where + ": invalid regular expression: " + e.getDescription());
            }
        }
        return out;
    }

    private Map<String, ExceptionCode> loadExceptionCodes(Map<String, DiagnosisDefinition> diagnoses) {
        Map<String, ExceptionCode> out = new TreeMap<>();
        for (var located : entries(EXCEPTION_CODES, "exceptionCodes", ExceptionCodeEntry.class)) {
            ExceptionCodeEntry c = located.value();
            String label = "exception code '" + located.name() + "'";
            String where = display(EXCEPTION_CODES) + ":" + located.line() + ": " + label;
            if (!reported(display(EXCEPTION_CODES), label, located)) {
                continue;
            }
            checkDiagnosisRef(where, c.diagnosis(), diagnoses);
            if (located.valid()) {
                String code = c.code().strip().toLowerCase(Locale.ROOT);
                putUnique(out, code, new ExceptionCode(code, c.name().strip(), c.meaning().strip(), strip(c.diagnosis())),
                        where, "exception code");
            }
        }
        return out;
    }

    private Map<String, MediaType> loadMediaTypes() {
        Map<String, MediaType> out = new TreeMap<>();
        for (var located : entries(MEDIA_TYPES, "mediaTypes", MediaTypeEntry.class)) {
            MediaTypeEntry m = located.value();
            String label = "media type '" + located.name() + "'";
            String where = display(MEDIA_TYPES) + ":" + located.line() + ": " + label;
            if (reported(display(MEDIA_TYPES), label, located) && located.valid()) {
                putUnique(out, m.extension(), new MediaType(m.extension(), m.mimeType(), m.note().strip()), where, "extension");
            }
        }
        return out;
    }

    private List<ScannerSignature> loadScanners() {
        Map<String, ScannerSignature> out = new TreeMap<>();
        for (var located : entries(SCANNERS, "scannerUriPatterns", ScannerEntry.class)) {
            ScannerEntry s = located.value();
            String label = "scanner pattern '" + located.name() + "'";
            String where = display(SCANNERS) + ":" + located.line() + ": " + label;
            if (!reported(display(SCANNERS), label, located)) {
                continue;
            }
            try {
                Pattern pattern = Pattern.compile(s.pattern());
                if (located.valid()) {
                    putUnique(out, s.id(), new ScannerSignature(s.id(), pattern, s.note()), where, "scanner pattern id");
                }
            } catch (PatternSyntaxException e) {
                problems.add(where + ": invalid regular expression: " + e.getDescription());
            }
        }
        return new ArrayList<>(out.values());
    }

    private Map<String, QuestionDefinition> loadQuestions(Map<String, ActionDefinition> actions,
                                                          Map<String, String> globals) {
        Map<String, QuestionDefinition> out = new TreeMap<>();
        for (var located : entries(QUESTIONS, "questions", QuestionEntry.class)) {
            QuestionEntry q = located.value();
            String label = "question '" + located.name() + "'";
            String where = display(QUESTIONS) + ":" + located.line() + ": " + label;
            if (!reported(display(QUESTIONS), label, located)) {
                continue;
            }
            if (q.answeredBy() != null) {
                checkActionRefs(where, List.of(q.answeredBy()), actions);
            }
            Map<String, String> params = q.params() == null ? Map.of() : new TreeMap<>(q.params());
            checkPlaceholders(where, params, globals, q.text(), q.why());
            if (located.valid()) {
                putUnique(out, q.id(), new QuestionDefinition(q.id(), q.text().strip(), q.why().strip(), q.answeredBy(),
                        params, display(QUESTIONS) + ":" + located.line()), where, "question id");
            }
        }
        return out;
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
