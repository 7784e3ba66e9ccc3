package org.iisdiag.classified;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iisdiag.facts.ConfigNotWellFormed;
import org.iisdiag.facts.HttpErrCount;
import org.iisdiag.facts.RecordEquality;
import org.iisdiag.facts.WasEvent;
import org.iisdiag.facts.XmlProblem;

/**
 * What WAS 5172/5189 and the case's own copy of applicationHost.config say together about a configuration WAS
 * cannot read (rule 503.was-config-unreadable): the file, line and parser message of the first 5172, what the
 * copy shows at that line, the pools named by the events and the queues HTTP.sys took offline, and the event ids.
 */
public final class WasConfigErrors {
    /** 5172's detail as the event reader keeps it: "file 'PATH' line N: MESSAGE". */
    private static final Pattern DETAIL = Pattern.compile("^file '([^']{1,300})' line (\\d{1,7})(?:: (.*))?$");

    private WasConfigErrors() {
    }

    /** Why WAS could not open (as opposed to parse) a configuration file, from 5172's error message. */
    public enum OpenFailure {
        /** The stored password or user name is refused: the account's password changed, expired or is locked. */
        LOGON,
        /** The account logs on but may not read the share or the file. */
        ACCESS,
        /** The share, server or folder is not reachable. */
        PATH
    }

    private static final Pattern LOGON = Pattern.compile("(?i)password|logon failure|log on|locked out|account");
    private static final Pattern ACCESS = Pattern.compile("(?i)access is denied|insufficient permissions|permission");

    /**
     * Whether a 5172 detail says WAS could not open a shared configuration at all: line 0 (a parse error names the
     * line it stopped at) for a file on a share, or any file while redirection.config enables shared configuration.
     */
    public static boolean sharedUnopened(String detail, Collection<?> enabledRedirections) {
        Matcher m = DETAIL.matcher(detail);
        return m.matches() && Long.parseLong(m.group(2)) == 0
                && (onShare(m.group(1)) || !enabledRedirections.isEmpty());
    }

    /** The kind of failure 5172's message names; PATH when it names none of logon or access. */
    public static OpenFailure openFailure(String message) {
        return LOGON.matcher(message).find() ? OpenFailure.LOGON
                : ACCESS.matcher(message).find() ? OpenFailure.ACCESS : OpenFailure.PATH;
    }

    /** "UNC\server\share\x" (what is left of WAS's "\\?\UNC\...") and "\\server\share\x" are on a share. */
    static boolean onShare(String file) {
        return file.regionMatches(true, 0, "UNC\\", 0, 4) || file.startsWith("\\\\");
    }

    /** A path as an administrator types it: "UNC\server\share\x" becomes "\\server\share\x". */
    public static String typed(String file) {
        return file.regionMatches(true, 0, "UNC\\", 0, 4) ? "\\" + file.substring(3) : file;
    }

    /** The folder of a file path ("\\server\share\applicationHost.config" gives "\\server\share"). */
    public static String folderOf(String file) {
        int slash = Math.max(file.lastIndexOf('\\'), file.lastIndexOf('/'));
        return slash <= 0 ? file : file.substring(0, slash);
    }

    /** {@code line} is -1 when no event or copy names one; {@code message} "" when none says what failed. */
    public record Reading(String file, long line, String message, XmlProblem problem, List<String> pools,
                          List<String> eventIds) {
        @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
        @Override public int hashCode() { return RecordEquality.hash(this); }
    }

    public static Reading read(Collection<?> events, Collection<?> copies, Collection<?> offline) {
        String file = "";
        long line = -1;
        String message = "";
        TreeSet<String> pools = new TreeSet<>();
        TreeSet<String> ids = new TreeSet<>();
        for (Object o : events) {
            WasEvent e = (WasEvent) o;
            ids.add(String.valueOf(e.eventId()));
            if (!e.appPool().isEmpty()) {
                pools.add(e.appPool());
            }
            Matcher m = DETAIL.matcher(e.detail());
            if (file.isEmpty() && m.matches()) {
                file = m.group(1);
                line = Long.parseLong(m.group(2));
                message = m.group(3) == null ? "" : m.group(3).strip();
            }
        }
        XmlProblem problem = XmlProblem.OTHER;
        for (Object o : copies) {
            ConfigNotWellFormed c = (ConfigNotWellFormed) o;
            if (line <= 0 || c.line() == line) {
                line = line > 0 ? line : c.line();
                problem = c.problem() == XmlProblem.UNKNOWN ? XmlProblem.OTHER : c.problem();
                if (message.isEmpty()) {
                    message = "not well-formed XML: " + problem.text();
                }
                break;
            }
        }
        for (Object o : offline) {
            HttpErrCount r = (HttpErrCount) o;
            if (!r.queue().isEmpty() && !r.queue().equals("-")) {
                pools.add(r.queue());
            }
        }
        return new Reading(file, line, message, problem, List.copyOf(pools), List.copyOf(ids));
    }
}
