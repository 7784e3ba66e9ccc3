package org.iisdiag.facts;

import java.util.List;

/**
 * {@code system.webServer/httpPlatform}: how HttpPlatformHandler starts the application's own HTTP listener
 * (Tomcat, a Java jar, Node.js, Python ...) and on which port it expects it ({@code %HTTP_PLATFORM_PORT%}).
 *
 * @param processPath        the executable or script to start (required; relative paths start with '.')
 * @param arguments          its arguments, sensitive values masked
 * @param stdoutLogEnabled   whether the process's stdout and stderr go to {@code stdoutLogFile} (default false)
 * @param stdoutLogFile      that file's path prefix (default "httpplatform-stdout")
 * @param startupTimeLimit   seconds the module waits for the process to listen on the port (default 10)
 * @param startupRetryCount  how often it tries to start the process (default 10)
 * @param rapidFailsPerMinute crashes per minute after which it stops starting the process for the minute (default 10)
 * @param requestTimeout     how long it waits for the process's answer to a request (default 00:02:00), as written
 * @param requestTimeoutSeconds the same in seconds, -1 when it is not a time span
 */
public record HttpPlatformConfig(String processPath, String arguments, boolean stdoutLogEnabled, String stdoutLogFile,
                                 long startupTimeLimit, long startupRetryCount, long rapidFailsPerMinute,
                                 String requestTimeout, long requestTimeoutSeconds, String configFile, String locationPath, List<String> defaults, String source)
        implements ConfigFact {

    /** processPath without surrounding quotes. */
    public String executable() {
        String p = processPath.strip();
        return p.length() >= 2 && p.startsWith("\"") && p.endsWith("\"") ? p.substring(1, p.length() - 1) : p;
    }

    /** Whether the arguments hand the module's port to the process (%HTTP_PLATFORM_PORT%). */
    public boolean passesPort() {
        return arguments.toUpperCase(java.util.Locale.ROOT).contains("%HTTP_PLATFORM_PORT%");
    }

    @Override
    public String describe() {
        return "httpPlatform processPath=" + processPath + (arguments.isEmpty() ? "" : " arguments=" + arguments)
                + " stdoutLogEnabled=" + stdoutLogEnabled + " stdoutLogFile=" + stdoutLogFile
                + " startupTimeLimit=" + startupTimeLimit + " startupRetryCount=" + startupRetryCount
                + " rapidFailsPerMinute=" + rapidFailsPerMinute + " requestTimeout=" + requestTimeout
                + ConfigFact.location(locationPath) + ConfigFact.where(defaults, source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
