package org.iisdiag.evidence.w3c;

import java.util.ArrayList;
import java.util.List;

import org.iisdiag.evidence.ReadReport;

/**
 * Entries read from a layout without the fields that say why a request failed or how long it took
 * (a site's Logging "Select Fields", or a log shipper, can drop them): sc-substatus and sc-win32-status
 * are then counted as 0 and time-taken as not logged, so the file's entry under INPUTS says what such a
 * log cannot show and which logExtFileFlags bring the fields back.
 */
final class UnloggedFields {
    private long withoutSubstatus;
    private long withoutWin32;
    private long withoutTimeTaken;

    /** One entry; each flag is true when the layout in force lacks that field. */
    void count(boolean noSubstatus, boolean noWin32, boolean noTimeTaken) {
        if (noSubstatus) {
            withoutSubstatus++;
        }
        if (noWin32) {
            withoutWin32++;
        }
        if (noTimeTaken) {
            withoutTimeTaken++;
        }
    }

    void merge(UnloggedFields part) {
        withoutSubstatus += part.withoutSubstatus;
        withoutWin32 += part.withoutWin32;
        withoutTimeTaken += part.withoutTimeTaken;
    }

    void clear() {
        withoutSubstatus = 0;
        withoutWin32 = 0;
        withoutTimeTaken = 0;
    }

    long[] counters() {
        return new long[] {withoutSubstatus, withoutWin32, withoutTimeTaken};
    }

    /** Notes what the entries read since {@code before} (see {@link #counters}) could not log. */
    void note(long[] before, ReadReport report) {
        List<String> missing = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        if (withoutSubstatus > before[0]) {
            missing.add(withoutSubstatus - before[0] + " entries without sc-substatus (counted as substatus 0: "
                    + "a 404.3 or 500.19 reads as 404.0 or 500.0)");
            flags.add("HttpSubStatus");
        }
        if (withoutWin32 > before[1]) {
            missing.add(withoutWin32 - before[1] + " entries without sc-win32-status (counted as win32 0: client "
                    + "disconnects, 64 or 1236, and Windows errors are not logged)");
            flags.add("Win32Status");
        }
        if (withoutTimeTaken > before[2]) {
            missing.add(withoutTimeTaken - before[2] + " entries without time-taken (time-taken is not logged: slow "
                    + "requests and timeouts cannot be seen)");
            flags.add("TimeTaken");
        }
        if (!missing.isEmpty()) {
            report.note(String.join("; ", missing) + ". Add " + String.join(", ", flags)
                    + " to the site's logFile logExtFileFlags (IIS Manager, Logging, Select Fields) to log them");
        }
    }
}
