package org.iisdiag.facts;

/** What an HttpPlatformHandler event (Application log, source "HttpPlatformHandler") says happened. */
public enum HttpPlatformEventKind {
    /** 1000 "Process 'N' failed to start. Port = P, Error Code = 'E'.": the process was not started, or did not listen. */
    START_FAILURE,
    /** 1001 "Process 'N' started successfully and is listening on port 'P'." */
    STARTED,
    /** 1003 "Maximum rapid fail count per minute of 'N' exceeded.": the module stops starting the process for the minute. */
    RAPID_FAIL,
    /** "Could not create stdoutLogFile ...": the stdout log folder is missing or denied (the process may still run). */
    STDOUT_LOG_FAILED,
    /** Anything else. */
    OTHER
}
