package org.iisdiag.classified;

/** What rules need from the text of saved error pages. */
public final class ErrorPages {
    private ErrorPages() {
    }

    /**
     * The sc-win32-status IIS logs for an HRESULT a page shows: the low 16 bits of a FACILITY_WIN32
     * HRESULT (0x8007000d is logged as 13), the value itself otherwise, 0 when there is none.
     */
    public static long win32(String hresult) {
        if (hresult == null || !hresult.strip().toLowerCase(java.util.Locale.ROOT).startsWith("0x")) {
            return 0;
        }
        try {
            long v = Long.parseLong(hresult.strip().substring(2), 16);
            return (v & 0xFFFF0000L) == 0x80070000L ? v & 0xFFFF : v;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
