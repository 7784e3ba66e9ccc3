package org.iisdiag.facts;

import java.util.List;
import java.util.Map;

/**
 * The ASP.NET Core Module settings of one {@code system.webServer/aspNetCore} element. Values not
 * written take the ANCM defaults (listed in {@code defaults}): hostingModel OutOfProcess, stdout log
 * off with file "aspnetcore-stdout", startupTimeLimit 120 s, requestTimeout 00:02:00.
 *
 * <p>Environment variables are listed by name only; the values kept are those of the diagnostic
 * switches ASPNETCORE_ENVIRONMENT ({@code aspnetcoreEnvironment}, "" when not set) and
 * ASPNETCORE_DETAILEDERRORS / ASPNETCORE_MODULE_DEBUG* ({@code diagnosticVariables}); other values may
 * be secrets and are never read. {@code locationPath} is the enclosing {@code <location path>}, or "" outside
 * one. Durations that cannot be read are -1.
 */
public record AspNetCoreConfig(String processPath, String arguments, String hostingModel, boolean stdoutLogEnabled,
                               String stdoutLogFile, long startupTimeLimitSeconds, String requestTimeout,
                               long requestTimeoutSeconds, List<String> environmentVariableNames,
                               String aspnetcoreEnvironment, Map<String, String> diagnosticVariables,
                               String debugLevel, String debugFile,
                               String configFile, String locationPath, List<String> defaults, String source)
        implements ConfigFact {
    public static final String IN_PROCESS = "InProcess";
    public static final String OUT_OF_PROCESS = "OutOfProcess";

    public boolean inProcess() {
        return IN_PROCESS.equals(hostingModel);
    }

    /** True when the file has no hostingModel attribute, so ANCM runs the app out of process. */
    public boolean hostingModelDefaulted() {
        return defaults.stream().anyMatch(d -> d.startsWith("hostingModel="));
    }

    /** ASPNETCORE_ENVIRONMENT=Development turns on the Developer Exception Page. */
    public boolean developmentEnvironment() {
        return "Development".equalsIgnoreCase(aspnetcoreEnvironment);
    }

    /** The ANCM debug log (handlerSettings debugLevel or ASPNETCORE_MODULE_DEBUG) is on. */
    public boolean debugLogEnabled() {
        return !debugLevel.isEmpty() || diagnosticVariables.keySet().stream()
                .anyMatch(n -> n.equalsIgnoreCase("ASPNETCORE_MODULE_DEBUG"));
    }

    @Override
    public String describe() {
        StringBuilder b = new StringBuilder("ASP.NET Core Module: ").append(hostingModel)
                .append(", processPath ").append(processPath.isEmpty() ? "(not set)" : processPath);
        if (!arguments.isEmpty()) {
            b.append(' ').append(arguments);
        }
        b.append(", stdout log ").append(stdoutLogEnabled ? "on (" + stdoutLogFile + ")" : "off");
        if (!aspnetcoreEnvironment.isEmpty()) {
            b.append(", ASPNETCORE_ENVIRONMENT=").append(aspnetcoreEnvironment);
        }
        if (!debugLevel.isEmpty()) {
            b.append(", debugLevel ").append(debugLevel);
        }
        return b.append(ConfigFact.location(locationPath)).append(ConfigFact.where(defaults, source)).toString();
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
