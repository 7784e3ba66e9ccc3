package org.iisdiag.facts;

import java.util.List;
import java.util.Locale;

/**
 * One native module of {@code system.webServer/globalModules} in applicationHost.config: its name, its
 * {@code image} (the DLL, as written, environment variables unexpanded) and its {@code preCondition}
 * ("" when none). Every worker process loads each entry whose preconditions fit it when it starts; a
 * {@code bitness32}/{@code bitness64} precondition keeps a DLL built for one bitness out of workers of the
 * other (a pool with enable32BitAppOnWin64 runs a 32-bit worker).
 */
public record GlobalModule(String name, String image, String preCondition, String configFile, String source)
        implements ConfigFact {

    /** Whether the entry limits itself to one worker bitness (bitness32 or bitness64). */
    public boolean hasBitness() {
        String p = preCondition.toLowerCase(Locale.ROOT);
        return p.contains("bitness32") || p.contains("bitness64");
    }

    /**
     * Whether the DLL is a vendor's or the application's, not one of Windows, IIS, the .NET runtime or
     * Microsoft's IIS extensions: native code from outside that every worker the entry fits loads.
     */
    public boolean fromVendor() {
        return NativeImagePath.fromVendor(image);
    }

    /** The DLL's file name ("rewrite.dll"), lower case. */
    public String imageFileName() {
        String s = image.strip().toLowerCase(Locale.ROOT);
        int slash = Math.max(s.lastIndexOf('\\'), s.lastIndexOf('/'));
        return slash >= 0 ? s.substring(slash + 1) : s;
    }

    /** Whether {@code text} (an event's message) names this entry's DLL file. */
    public boolean imageNamedIn(String text) {
        String f = imageFileName();
        return !f.isEmpty() && text.toLowerCase(Locale.ROOT).matches("(?s).*(^|[\\\\/\\s'\"])" + java.util.regex.Pattern.quote(f) + "($|[\\s'\".,]).*");
    }

    @Override
    public List<String> defaults() {
        return List.of();
    }

    @Override
    public String describe() {
        return "globalModules <add name=\"" + name + "\" image=\"" + image + "\""
                + (preCondition.isEmpty() ? "" : " preCondition=\"" + preCondition + "\"") + ">"
                + (preCondition.isEmpty() ? " (no precondition: every worker loads it)" : "")
                + ConfigFact.where(List.of(), source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
