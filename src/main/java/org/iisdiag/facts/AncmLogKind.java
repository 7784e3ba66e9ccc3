package org.iisdiag.facts;

/** What a line of an ASP.NET Core Module stdout log or debug log shows. */
public enum AncmLogKind {
    /** hostfxr: "It was not possible to find any compatible framework version" (+ the framework and version). */
    MISSING_FRAMEWORK,
    /** "Did you mean to run dotnet SDK commands?": processPath/arguments make dotnet look for the SDK. */
    SDK_COMMAND,
    /** The host's "The application to execute does not exist: '...'": arguments (or processPath) name an app that is not there. */
    APP_NOT_FOUND,
    /** System.BadImageFormatException: a bitness mismatch. */
    BAD_IMAGE_FORMAT,
    /** "Unhandled exception. System.X: message", or a crit:/fail: logger entry. */
    STARTUP_EXCEPTION,
    /**
     * A crit:/fail: entry, or an exception line, logged after the same log said the app started ("Application
     * started", "Now listening on:"): an error while serving requests, not a start-up failure (the detail as for
     * {@link #STARTUP_EXCEPTION}).
     */
    REQUEST_ERROR,
    /** FileNotFoundException / "Could not load file or assembly". */
    MISSING_FILE,
    /**
     * "Failed to bind to address" / "address already in use", or Kestrel's "Overriding address(es) '...'": the app
     * did not listen on the address it was given.
     */
    PORT_BIND,
    /** "Application started" / "Now listening on:": evidence the app did start. */
    HOSTING_STARTED,
    /**
     * The app's own output names a certificate by its thumbprint (40 hex digits after "certificate" or
     * "thumbprint" on the line): which certificate a later certificate error is about. The detail is the
     * thumbprint in upper case.
     */
    CERTIFICATE,
    /**
     * The last step a stdout log reports when it ends with neither a start ("Application started",
     * "Now listening on:") nor a failure: the message of its last {@code info:}/{@code dbug:} entry, after
     * the logger category ("Microsoft.EntityFrameworkCore.Migrations[20402]: Applying migration '...'"). A
     * start-up the module gave up on stops there: it is the work that outlasted startupTimeLimit.
     */
    LAST_STEP,
    /**
     * ASP.NET Core's Host Filtering middleware refused a request: "The host 'x' does not match an allowed host."
     * (logged at Information, so only when the app logs Microsoft.AspNetCore at that level). The detail is the
     * host, lower case. The middleware answers 400 with HTTP.sys's own "Invalid Hostname" page.
     */
    HOST_NOT_ALLOWED,
    /** Debug log "Failed HRESULT returned: 0x8007023e". */
    DEBUG_LOG_HRESULT,
    /** Other warnings ("warn: Category[id] message") and errors. */
    OTHER
}
