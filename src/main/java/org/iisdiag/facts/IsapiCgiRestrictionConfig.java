package org.iisdiag.facts;

import java.util.List;

/**
 * {@code system.webServer/security/isapiCgiRestriction} (applicationHost.config only): the ISAPI DLLs and
 * CGI programs IIS may run. An entry allows or denies one path; a path not listed is allowed only when
 * {@code notListedIsapisAllowed} (DLLs) or {@code notListedCgisAllowed} (CGI programs) is true (both false
 * by default). A handler whose program is refused answers 404.2. Entries are kept in document order after
 * {@code <clear/>} and {@code <remove>}.
 */
public record IsapiCgiRestrictionConfig(boolean notListedIsapisAllowed, boolean notListedCgisAllowed,
                                        List<Entry> entries, String configFile, String locationPath,
                                        List<String> defaults, String source) implements ConfigFact {

    /** One {@code <add path allowed description>}. */
    public record Entry(String path, boolean allowed, String description, String line) {
        @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
        @Override public int hashCode() { return RecordEquality.hash(this); }
    }

    /** The entry for {@code program} (paths compared with %windir%/%SystemRoot% expanded, case-insensitively), or null. */
    public Entry entryFor(String program) {
        String p = NativeImagePath.normalized(program);
        for (Entry e : entries) {
            if (NativeImagePath.normalized(e.path()).equals(p)) {
                return e;
            }
        }
        return null;
    }

    /** Whether the list refuses {@code program}: a CGI program when {@code cgi}, else an ISAPI DLL. */
    public boolean refuses(String program, boolean cgi) {
        Entry e = entryFor(program);
        if (e != null) {
            return !e.allowed();
        }
        return cgi ? !notListedCgisAllowed : !notListedIsapisAllowed;
    }

    /** Why {@code program} is refused, in the configuration's words. */
    public String refusal(String program, boolean cgi) {
        Entry e = entryFor(program);
        if (e != null) {
            return "its entry has allowed=\"false\"" + (e.description().isEmpty() ? "" : " (\"" + e.description() + "\")")
                    + " at " + e.line();
        }
        return "it has no entry and " + (cgi ? "notListedCgisAllowed" : "notListedIsapisAllowed") + " is false";
    }

    @Override
    public String describe() {
        long denied = entries.stream().filter(e -> !e.allowed()).count();
        return "isapiCgiRestriction notListedIsapisAllowed=" + notListedIsapisAllowed + " notListedCgisAllowed="
                + notListedCgisAllowed + ", " + entries.size() + " entries (" + denied + " not allowed)"
                + ConfigFact.location(locationPath) + ConfigFact.where(defaults, source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
