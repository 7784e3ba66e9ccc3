package org.iisdiag.facts;

/** What kind of evidence a file in the case folder holds, as recognised from its content. */
public enum EvidenceKind {
    IIS_W3C_LOG("IIS W3C log", true),
    HTTPERR_LOG("HTTPERR log", true),
    ENV_YAML("env.yaml", true),
    IIS_NATIVE_LOG("IIS/NCSA-format log", false),
    FTP_LOG("IIS FTP log", false),
    FAILED_REQUEST_TRACE("Failed Request Tracing XML", true),
    EVENT_LOG_XML("event log export (XML)", true),
    EVENT_LOG_CSV("event log export (CSV)", true),
    /**
     * A binary event log file (.evtx, "ElfFile" header), as copied from winevt\Logs or saved from Event
     * Viewer: listed with the command that exports it in a form that is read.
     */
    EVENT_LOG_EVTX("event log file (.evtx, binary)", false),
    /** Events copied from Event Viewer as text ("Copy Details as Text"), as articles and tickets quote them. */
    EVENT_LOG_TEXT("event log export (Event Viewer text)", true),
    ANCM_STDOUT_LOG("ASP.NET Core Module stdout or debug log", true),
    /** The stdout/stderr files iisnode keeps for a Node.js application ({@code <host>-<pid>-stderr-<ms>.txt}). */
    NODE_LOG("iisnode stdout/stderr log of node.exe", true),
    /** PHP's own error log (php.ini error_log): the fatal errors behind a FastCGI site's plain 500s. */
    PHP_ERROR_LOG("PHP error log", true),
    /** wfastcgi's own log (the WSGI_LOG app setting): why a Python site on FastCGI answered 500. */
    WSGI_LOG("wfastcgi log (WSGI_LOG)", true),
    WEB_CONFIG("web.config", true),
    APPLICATION_HOST_CONFIG("applicationHost.config", true),
    HAR("HAR capture", true),
    /** An error page saved from a browser (.htm/.html): IIS's detailed error, an ANCM page, ASP.NET's page. */
    SAVED_ERROR_PAGE("saved error page (HTML)", true),
    COLLECTION_LOG("collection log (Collect-IisCase.ps1)", true),
    /** What {@code appcmd list apppool} / {@code appcmd list site} printed: the state of each pool and site. */
    APPCMD_LISTING("appcmd list output (pool and site states)", true),
    /** What {@code netsh http show sslcert} printed: HTTP.sys's SSL bindings (certificate, SNI, client certificates). */
    NETSH_SSLCERT("netsh http show sslcert output (HTTP.sys SSL bindings)", true),
    FLEET_AGGREGATE("iisdiag aggregate of IIS/HTTPERR logs", true),
    /** Listed, never followed: a link can loop, point outside the case (/etc) or dangle. */
    SYMLINK("symlink, not followed", false),
    /** A FIFO, device or socket named like a log: listed, never opened (opening a FIFO blocks). */
    SPECIAL_FILE("special file, not read", false),
    UNKNOWN("unrecognised", false);

    private final String label;
    private final boolean supported;

    EvidenceKind(String label, boolean supported) {
        this.label = label;
        this.supported = supported;
    }

    /** Whether the file is an export of the Windows event logs, in any of the forms read. */
    public boolean isEventLog() {
        return this == EVENT_LOG_XML || this == EVENT_LOG_CSV || this == EVENT_LOG_TEXT;
    }

    public String label() {
        return label;
    }

    /** Whether this version reads the kind; unsupported kinds are listed as "not used". */
    public boolean supported() {
        return supported;
    }
}
