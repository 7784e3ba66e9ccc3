package org.iisdiag.facts;

import java.util.List;

/**
 * A virtual directory that reaches its content as a named user ("Connect as": {@code userName} on
 * {@code <virtualDirectory>}), typically content on a UNC share: the site, the application and virtual
 * directory paths, the physical path and the logon method. The password is never read.
 */
public record VirtualDirectoryConnectAs(String site, long siteId, String appPath, String vdirPath, String physicalPath,
                                        String userName, String logonMethod, String configFile, List<String> defaults,
                                        String source) implements ConfigFact {

    /** The appcmd name of the virtual directory: "Site/app/vdir" ("Site/" for the root of the site). */
    public String appcmdName() {
        String app = "/".equals(appPath) ? "" : appPath;
        return site + app + ("/".equals(vdirPath) && !app.isEmpty() ? "" : vdirPath);
    }

    /** Whether the content is on a share (a UNC path). */
    public boolean onShare() {
        return physicalPath.startsWith("\\\\");
    }

    @Override
    public String describe() {
        return "virtual directory " + appcmdName() + " -> " + physicalPath + " connects as " + userName
                + " (logonMethod " + logonMethod + ")" + ConfigFact.where(defaults, source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
