package org.iisdiag.knowledge;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.iisdiag.facts.UriCount;

/**
 * All catalogs, validated, with the look-ups rules use through the {@code kb} global
 * (e.g. {@code StatusCodeInfo() from kb.status($s, $sub)}). Look-ups return null when there is no
 * entry, which makes a DRL {@code from} simply match nothing.
 */
public final class KnowledgeBase implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final Map<String, StatusCodeInfo> statusCodes;
    private final Map<Long, Win32StatusInfo> win32;
    private final Map<String, HttpErrReason> reasons;
    private final List<ScannerSignature> scanners;
    private final Map<String, ActionDefinition> actions;
    private final Map<String, DiagnosisDefinition> diagnoses;
    private final Map<String, QuestionDefinition> questions;
    private final Map<String, FrebModuleInfo> modules;
    private final Map<Long, ConfigErrorInfo> configErrors;
    private final List<ExceptionSignature> signatures;
    private final Map<String, ExceptionCode> exceptionCodes;
    private final Map<String, MediaType> mediaTypes;
    private final Map<String, String> revelations;
    private final Map<String, String> globals;

    KnowledgeBase(Map<String, StatusCodeInfo> statusCodes, Map<Long, Win32StatusInfo> win32,
                  Map<String, HttpErrReason> reasons, List<ScannerSignature> scanners,
                  Map<String, ActionDefinition> actions, Map<String, DiagnosisDefinition> diagnoses,
                  Map<String, QuestionDefinition> questions, Map<String, FrebModuleInfo> modules,
                  Map<Long, ConfigErrorInfo> configErrors, List<ExceptionSignature> signatures,
                  Map<String, ExceptionCode> exceptionCodes, Map<String, MediaType> mediaTypes, Map<String, String> revelations,
                  Map<String, String> globals) {
        this.statusCodes = Map.copyOf(statusCodes);
        this.win32 = Map.copyOf(win32);
        this.reasons = Map.copyOf(reasons);
        this.scanners = List.copyOf(scanners);
        this.actions = Map.copyOf(actions);
        this.diagnoses = Map.copyOf(diagnoses);
        this.questions = Map.copyOf(questions);
        this.modules = Map.copyOf(modules);
        this.configErrors = Map.copyOf(configErrors);
        this.signatures = List.copyOf(signatures);
        this.exceptionCodes = Map.copyOf(exceptionCodes);
        this.mediaTypes = Map.copyOf(mediaTypes);
        this.revelations = Map.copyOf(revelations);
        this.globals = Map.copyOf(globals);
    }

    /** The exact status.substatus entry, else the bare status entry, else null. */
    public StatusCodeInfo status(int status, int substatus) {
        StatusCodeInfo exact = statusCodes.get(status + "." + substatus);
        return exact != null ? exact : statusCodes.get(Integer.toString(status));
    }

    public Win32StatusInfo win32(long code) {
        return win32.get(code);
    }

    /** Whether a win32 code is the catalog's normal authentication-handshake status (SEC_E_NO_CREDENTIALS ...). */
    public boolean isAuthHandshake(long code) {
        Win32StatusInfo w = win32.get(code);
        return w != null && w.classification() == Win32Class.AUTH_HANDSHAKE;
    }

    public HttpErrReason reason(String reason) {
        return reasons.get(reason);
    }

    /** Whether the catalog says this HTTPERR reason points at the application pool (503 family, queue timers). */
    public boolean isAppPoolReason(String reason) {
        HttpErrReason r = reasons.get(reason);
        return r != null && r.appPoolRelated();
    }

    /** The FREB module entry (case-insensitive, as module names are written inconsistently), or null. */
    public FrebModuleInfo module(String name) {
        if (name == null) {
            return null;
        }
        FrebModuleInfo exact = modules.get(name);
        return exact != null ? exact : modules.values().stream().filter(m -> m.module().equalsIgnoreCase(name))
                .findFirst().orElse(null);
    }

    /** What a 500.19 with this sc-win32-status means, or null. */
    public ConfigErrorInfo configError(long win32) {
        return configErrors.get(win32);
    }

    /**
     * Whether a 500.19 with this Win32 code is at the file and line a trace or detailed error names: true
     * unless the catalog says IIS could not read the file at all (see {@link ConfigErrorInfo#faultAtLocation}).
     */
    public boolean configFaultAtLocation(long win32) {
        ConfigErrorInfo c = configErrors.get(win32);
        return c == null || c.faultAtLocation();
    }

    public Collection<ConfigErrorInfo> configErrors() {
        return configErrors.values();
    }

    public Collection<FrebModuleInfo> modules() {
        return modules.values();
    }

    public ActionDefinition action(String id) {
        return actions.get(id);
    }

    public DiagnosisDefinition diagnosis(String id) {
        return diagnoses.get(id);
    }

    /** The plan of a diagnosis, step by step (empty for an unknown id). */
    public List<DiagnosisDefinition.PlanStep> plan(String diagnosisId) {
        DiagnosisDefinition d = diagnoses.get(diagnosisId);
        return d == null ? List.of() : d.steps();
    }

    /** The exception signatures found in a text (an exception message, an error page), in catalog order. */
    public List<SignatureMatch> exceptionCauses(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<SignatureMatch> out = new java.util.ArrayList<>();
        for (ExceptionSignature s : signatures) {
            java.util.regex.Matcher m = s.pattern().matcher(text);
            if (m.find()) {
                java.util.TreeMap<String, String> params = new java.util.TreeMap<>();
                for (String name : groupNames(s.pattern())) {
                    String v = m.group(name);
                    if (v != null) {
                        params.put(name, v.strip());
                    }
                }
                out.add(new SignatureMatch(s, java.util.Collections.unmodifiableSortedMap(params)));
            }
        }
        return out;
    }

    private static final java.util.regex.Pattern GROUP_NAME = java.util.regex.Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    static List<String> groupNames(java.util.regex.Pattern p) {
        List<String> names = new java.util.ArrayList<>();
        java.util.regex.Matcher m = GROUP_NAME.matcher(p.pattern());
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** What a native exception code ("0xc00000fd", "c00000fd") means, or null. */
    public ExceptionCode exceptionCode(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String c = code.strip().toLowerCase(java.util.Locale.ROOT);
        return exceptionCodes.get(c.startsWith("0x") ? c : "0x" + c);
    }

    /** The revelations actions may declare, with what each means. */
    public Map<String, String> revelations() {
        return revelations;
    }

    public QuestionDefinition question(String id) {
        return questions.get(id);
    }

    /** The media type static content with this extension (".woff2", any case) is served with, or null when the catalog has none. */
    public MediaType mediaType(String extension) {
        return mediaTypes.get(extension.toLowerCase(java.util.Locale.ROOT));
    }

    public Collection<MediaType> mediaTypes() {
        return mediaTypes.values();
    }

    /** The scanner signature matching this URI, if any. */
    public Optional<ScannerSignature> scannerSignature(String uri) {
        return scanners.stream().filter(s -> s.matches(uri)).findFirst();
    }

    /** The counted URIs that match a scanner signature, in their order. */
    public List<UriCount> scannerProbes(List<UriCount> uris) {
        return uris.stream().filter(u -> scannerSignature(u.uri()).isPresent()).toList();
    }

    /**
     * Share (0..1) of the counted top URIs that match a scanner signature; used to call a 404/400
     * population scanner noise.
     */
    public double scannerShare(List<UriCount> uris) {
        long total = 0;
        long scanner = 0;
        for (UriCount u : uris) {
            total += u.count();
            if (scannerSignature(u.uri()).isPresent()) {
                scanner += u.count();
            }
        }
        return total == 0 ? 0.0 : (double) scanner / total;
    }

    public Map<String, String> globals() {
        return globals;
    }

    public Collection<StatusCodeInfo> statusCodes() {
        return statusCodes.values();
    }

    public Collection<Win32StatusInfo> win32Statuses() {
        return win32.values();
    }

    public Collection<HttpErrReason> reasons() {
        return reasons.values();
    }

    public List<ScannerSignature> scannerSignatures() {
        return scanners;
    }

    public Collection<ActionDefinition> actions() {
        return actions.values();
    }

    public Collection<DiagnosisDefinition> diagnoses() {
        return diagnoses.values();
    }

    public List<ExceptionSignature> exceptionSignatures() {
        return signatures;
    }

    public Collection<ExceptionCode> exceptionCodes() {
        return exceptionCodes.values();
    }

    public Collection<QuestionDefinition> questions() {
        return questions.values();
    }
}
