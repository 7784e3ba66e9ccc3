package org.iisdiag.cli;

/** Process exit codes, documented in the README. */
public final class ExitCodes {
    /** The command did its job (a diagnosis was produced, whatever it found). */
    public static final int OK = 0;
    /** An unexpected internal error (a bug): the message says where. */
    public static final int INTERNAL_ERROR = 1;
    /** Bad command line (picocli's usage error code). */
    public static final int USAGE = 2;
    /** The case folder is missing or cannot be read at all. */
    public static final int CASE_UNREADABLE = 3;
    /** The rules failed to compile or are invalid (metadata, unknown catalog ids). */
    public static final int RULES_INVALID = 4;
    /** A knowledge-base catalog is invalid. */
    public static final int KNOWLEDGE_BASE_INVALID = 5;
    /** The output file could not be written (or its folder is missing, or it is inside the case). */
    public static final int OUTPUT_FAILED = 6;
    // 7-10 are iisdiag test's (TestCommand)
    /** The case holds no file that could be read as evidence (empty, or only unrecognised or unreadable files). */
    public static final int NO_USABLE_EVIDENCE = 11;
    /** iisdiag daemon: none runs (status), or it could not start (start). */
    public static final int DAEMON_NOT_RUNNING = 12;

    private ExitCodes() {
    }
}
