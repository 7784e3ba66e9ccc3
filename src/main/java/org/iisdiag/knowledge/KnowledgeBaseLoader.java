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
    public static final String FINDINGS = "findings.yaml";
    public static final String QUESTIONS = "questions.yaml";
    public static final String FREB_MODULES = "freb-modules.yaml";
    public static final String CONFIG_ERRORS = "config-errors.yaml";

    /** The catalog files the loader reads, in load order. */
    public static final List<String> FILES = List.of(STATUS_CODES, WIN32, REASONS, SCANNERS, ACTIONS, FINDINGS, QUESTIONS,
            FREB_MODULES, CONFIG_ERRORS);

    private static final Pattern STATUS_CODE = Pattern.compile("([45]\\d\\d)(?:\\.(\\d{1,3}))?");
    private static final Pattern KEBAB_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    record StatusEntry(String code, String title, String meaning, String causes, String fix, List<String> fixActions,
                       String severity, String component) {
    }

    record Win32Entry(Long code, String name, String hex, String meaning, String classification, String note) {
    }

    record ReasonEntry(String reason, Integer status, String meaning, String triage, String fix,
                       List<String> fixActions, Boolean appPoolRelated) {
    }

    record ScannerEntry(String id, String pattern, String note) {
    }

    record ModuleEntry(String module, String meaning, List<String> fixActions) {
    }

    record ConfigErrorEntry(Long win32, String hresult, String meaning, String fix, List<String> fixActions) {
    }

    record ActionEntry(String id, String title, String section, String kind, String cost, String risk,
                       Boolean changesServerState, Map<String, String> params, String why, List<String> steps,
                       List<String> risks, List<String> revert, List<String> verify) {
    }

    record FindingEntry(String id, String title, String section, String severity, String explanation,
                        Map<String, String> params) {
    }

    record QuestionEntry(String id, String text, String why, String answeredBy, Map<String, String> params) {
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
        loadActions(actions, globals);
        Map<String, StatusCodeInfo> statuses = loadStatusCodes(actions);
        Map<Long, Win32StatusInfo> win32 = loadWin32();
        Map<String, HttpErrReason> reasons = loadReasons(actions);
        List<ScannerSignature> scanners = loadScanners();
        Map<String, FindingDefinition> findings = loadFindings(globals);
        Map<String, QuestionDefinition> questions = loadQuestions(actions, globals);
        Map<String, FrebModuleInfo> modules = loadModules(actions);
        Map<Long, ConfigErrorInfo> configErrors = loadConfigErrors(actions);
        if (!problems.isEmpty()) {
            throw new KnowledgeBaseException(problems);
        }
        return new KnowledgeBase(statuses, win32, reasons, scanners, actions, findings, questions, modules,
                configErrors, globals);
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

    private void loadActions(Map<String, ActionDefinition> out, Map<String, String> globals) {
        Map<String, JsonNode> extras = new LinkedHashMap<>();
        var list = entries(ACTIONS, "actions", ActionEntry.class, Set.of("globals"), extras, declaredActionIds);
        list.stream().map(l -> l.value().id()).filter(java.util.Objects::nonNull).forEach(declaredActionIds::add);
        JsonNode g = extras.get("globals");
        if (g != null) {
            g.properties().forEach(e -> globals.put(e.getKey(), e.getValue().asText()));
        }
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
            List<String> risks = orEmpty(a.risks());
            List<String> revert = orEmpty(a.revert());
            if (risk != null && risk != Level.NONE && risks.isEmpty()) {
                problems.add(where + ": risk is " + a.risk() + " but no 'risks' are listed");
            }
            if (a.changesServerState() && revert.isEmpty()) {
                problems.add(where + ": changes server state but has no 'revert' steps");
            }
            Map<String, String> params = a.params() == null ? Map.of() : new TreeMap<>(a.params());
            List<String> all = new ArrayList<>(List.of(a.title(), a.why()));
            all.addAll(a.steps());
            all.addAll(risks);
            all.addAll(revert);
            all.addAll(orEmpty(a.verify()));
            checkPlaceholders(where, params, globals, all.toArray(String[]::new));
            if (kind == null || cost == null || risk == null) {
                continue;
            }
            putUnique(out, a.id(), new ActionDefinition(a.id(), a.title(), a.section(), kind, cost, risk,
                    a.changesServerState(), params, a.why().strip(), strip(a.steps()), strip(risks), strip(revert),
                    strip(orEmpty(a.verify())), display(ACTIONS) + ":" + located.line()), where, "action id");
        }
    }

    private Map<String, StatusCodeInfo> loadStatusCodes(Map<String, ActionDefinition> actions) {
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
            checkActionRefs(where, s.fixActions(), actions);
            Severity severity = enumValue(where, "severity", s.severity(), Severity.class);
            int status = Integer.parseInt(m.group(1));
            int sub = m.group(2) == null ? -1 : Integer.parseInt(m.group(2));
            putUnique(out, s.code(), new StatusCodeInfo(status, sub, s.title(), s.meaning().strip(), strip(s.causes()),
                    strip(s.fix()), orEmpty(s.fixActions()), severity, s.component()), where, "status code");
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

    private Map<String, HttpErrReason> loadReasons(Map<String, ActionDefinition> actions) {
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
            checkActionRefs(where, r.fixActions(), actions);
            putUnique(out, r.reason(), new HttpErrReason(r.reason(), r.status(), r.meaning().strip(), triage,
                    strip(r.fix()), orEmpty(r.fixActions()), r.appPoolRelated()), where, "reason");
        }
        return out;
    }

    private Map<String, FrebModuleInfo> loadModules(Map<String, ActionDefinition> actions) {
        Map<String, FrebModuleInfo> out = new TreeMap<>();
        for (var located : entries(FREB_MODULES, "modules", ModuleEntry.class, Set.of(), null)) {
            ModuleEntry m = located.value();
            String where = display(FREB_MODULES) + ":" + located.line() + ": module '" + m.module() + "'";
            if (!required(where, fields("module", m.module(), "meaning", m.meaning()))) {
                continue;
            }
            checkActionRefs(where, m.fixActions(), actions);
            putUnique(out, m.module(), new FrebModuleInfo(m.module(), m.meaning().strip(), orEmpty(m.fixActions())),
                    where, "module");
        }
        return out;
    }

    private Map<Long, ConfigErrorInfo> loadConfigErrors(Map<String, ActionDefinition> actions) {
        Map<Long, ConfigErrorInfo> out = new TreeMap<>();
        for (var located : entries(CONFIG_ERRORS, "configErrors", ConfigErrorEntry.class, Set.of(), null)) {
            ConfigErrorEntry c = located.value();
            String where = display(CONFIG_ERRORS) + ":" + located.line() + ": config error '" + c.hresult() + "'";
            if (!required(where, fields("win32", c.win32(), "hresult", c.hresult(), "meaning", c.meaning(), "fix", c.fix()))) {
                continue;
            }
            checkActionRefs(where, c.fixActions(), actions);
            putUnique(out, c.win32(), new ConfigErrorInfo(c.win32(), c.hresult(), c.meaning().strip(), c.fix().strip(),
                    orEmpty(c.fixActions())), where, "win32 code");
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

    private Map<String, FindingDefinition> loadFindings(Map<String, String> globals) {
        Map<String, FindingDefinition> out = new TreeMap<>();
        for (var located : entries(FINDINGS, "findings", FindingEntry.class, Set.of(), null)) {
            FindingEntry f = located.value();
            String where = display(FINDINGS) + ":" + located.line() + ": finding '" + f.id() + "'";
            if (!required(where, fields("id", f.id(), "title", f.title(), "section", f.section(),
                    "severity", f.severity(), "explanation", f.explanation()))) {
                continue;
            }
            checkId(where, f.id());
            checkSection(where, f.section());
            Map<String, String> params = f.params() == null ? Map.of() : new TreeMap<>(f.params());
            checkPlaceholders(where, params, globals, f.title(), f.explanation());
            Severity severity = enumValue(where, "severity", f.severity(), Severity.class);
            putUnique(out, f.id(), new FindingDefinition(f.id(), f.title(), f.section(), severity,
                    f.explanation().strip(), params, display(FINDINGS) + ":" + located.line()), where, "finding id");
        }
        return out;
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
