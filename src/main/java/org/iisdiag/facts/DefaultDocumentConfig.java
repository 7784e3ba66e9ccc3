package org.iisdiag.facts;

import java.util.List;

/**
 * {@code system.webServer/defaultDocument}: whether default documents are on, the file names this level
 * adds, and whether it starts with {@code <clear/>} (dropping every inherited name, e.g. IIS's own
 * Default.htm, Default.asp, index.htm, index.html, iisstart.htm, default.aspx). Names removed with
 * {@code <remove>} are listed in {@code removed}.
 */
public record DefaultDocumentConfig(boolean enabled, List<String> files, boolean cleared, List<String> removed,
                                    String configFile, String locationPath, List<String> defaults, String source)
        implements ConfigFact {
    /** IIS's own default document list (applicationHost.config of a new install). */
    public static final List<String> IIS_DEFAULTS =
            List.of("Default.htm", "Default.asp", "index.htm", "index.html", "iisstart.htm", "default.aspx");

    /** Whether {@code name} is a default document here, case-insensitively, counting inherited IIS defaults unless cleared or removed. */
    public boolean serves(String name) {
        if (!enabled) {
            return false;
        }
        if (files.stream().anyMatch(f -> f.equalsIgnoreCase(name))) {
            return true;
        }
        return !cleared && IIS_DEFAULTS.stream().anyMatch(f -> f.equalsIgnoreCase(name))
                && removed.stream().noneMatch(f -> f.equalsIgnoreCase(name));
    }

    /** "<clear/> then Default.aspx" style summary of the list this level leaves. */
    public String filesText() {
        String list = files.isEmpty() ? "no file" : String.join(", ", files);
        return cleared ? "<clear/> then " + list : list + " added to the inherited list";
    }

    @Override
    public String describe() {
        return "defaultDocument enabled=" + enabled + ": " + filesText()
                + (removed.isEmpty() ? "" : ", removed " + String.join(", ", removed))
                + ConfigFact.location(locationPath) + ConfigFact.where(defaults, source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
