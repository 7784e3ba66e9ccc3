package org.iisdiag.facts;

import java.util.List;

/**
 * A setting of web.config that names a file or folder the application writes to (a log file of log4net, NLog or a
 * trace listener, a log or upload folder) inside one of the folders ASP.NET watches for changes: bin, App_Code,
 * App_GlobalResources, App_LocalResources, App_Browsers or App_WebReferences. A write there unloads the
 * application. {@code element} is the element's path below {@code <configuration>} ("log4net/appender/file"),
 * {@code attribute} and {@code value} the setting as written, {@code folder} the watched folder it is in.
 * Sections that hold secrets (appSettings, connectionStrings, machineKey) are never read.
 */
public record WatchedFolderFileSetting(String folder, String element, String attribute, String value, String configFile,
                                       String locationPath, List<String> defaults, String source) implements ConfigFact {

    @Override
    public String describe() {
        return element + " " + attribute + "=\"" + value + "\": written under the watched folder " + folder
                + ConfigFact.location(locationPath) + ConfigFact.where(defaults, source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
