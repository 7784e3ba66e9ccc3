package org.iisdiag.facts;

/** What an ASP.NET Core Module event says went wrong, from its event id and text. */
public enum AncmEventKind {
    /** Out-of-process: the backend process failed to start or to listen (1000, 1020): 502.5. */
    PROCESS_START_FAILURE,
    /** In-process: CLR load failure, exit from Program.Main, startup exception (1007, 1010, 1011, 1018, 1031, 1035): 500.30. */
    INPROCESS_START_FAILURE,
    /** The request handler could not be found or loaded (1028, 1029, "Could not find inprocess request handler"): 500.0/500.36. */
    HANDLER_LOAD_FAILURE,
    /** Two in-process applications in one application pool (1008): 500.35. */
    DUPLICATED_INPROCESS_APP,
    /** In-process and out-of-process applications in one application pool (1009): 500.34. */
    MIXED_HOSTING_MODEL,
    /** The application did not start within startupTimeLimit: 500.37. */
    STARTUP_TIMEOUT,
    /** rapidFailsPerMinute exceeded (1003). */
    RAPID_FAIL,
    /** "Could not start stdout redirection": the stdout log folder is missing or denied (the app still runs). */
    STDOUT_REDIRECTION_FAILED,
    /** The aspNetCore configuration is invalid or could not be loaded (1004, 1034). */
    CONFIG_ERROR,
    /**
     * The module found app_offline.htm in the application folder and shut the app down (1012 "was recycled
     * after detecting app_offline.htm"): until the file is removed it answers every request with the file
     * and a 503.
     */
    APP_OFFLINE,
    /** Anything else, informational events included (1001, 1032, 1033 ...). */
    OTHER
}
