package org.iisdiag.conclusions;

import java.util.Collection;
import java.util.TreeSet;

import org.iisdiag.facts.ApplicationType;
import org.iisdiag.facts.IisStatusCount;

/** Case-specific settings for the capture procedures (FREB areas, PerfView providers). */
public final class DataCollection {
    /**
     * The article's additional PerfView providers for ASP.NET Core; the leading '*' is needed.
     */
    public static final String ASPNET_CORE_PROVIDERS = "*Microsoft-Extensions-Logging:4:5,Microsoft-AspNetCore-Server-Kestrel,"
            + "System.Net.Http,System.Net.Sockets,System.Net.NameResolution,System.Threading.Tasks.TplEventSource::5,"
            + "Microsoft-System-Net-Http,Microsoft-Windows-Application Server-Applications::Verbose";

    private DataCollection() {
    }

    /**
     * WWW Server areas beyond the base set for this case, as a suffix for the area list
     * (",ANCM" for ASP.NET Core, ",RequestRouting" for ARR or when 502s were seen), or "".
     */
    public static String extraFrebAreas(ApplicationType type, Collection<?> counts) {
        TreeSet<String> areas = new TreeSet<>();
        if (type == ApplicationType.ASPNET_CORE) {
            areas.add("ANCM");
        }
        boolean badGateway = counts.stream().anyMatch(o -> o instanceof IisStatusCount c && c.status() == 502);
        if (type == ApplicationType.ARR || badGateway) {
            areas.add("RequestRouting");
        }
        return areas.isEmpty() ? "" : "," + String.join(",", areas);
    }

    /** The PerfView additional-providers string for the application type ("" when none is needed). */
    public static String perfViewProviders(ApplicationType type) {
        return type == ApplicationType.ASPNET_CORE ? ASPNET_CORE_PROVIDERS : "";
    }
}
