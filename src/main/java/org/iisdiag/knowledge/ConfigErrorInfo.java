package org.iisdiag.knowledge;

/** What the HRESULT of a 500.19 means, keyed by the Win32 code IIS logs with it, and its diagnosis. */
public record ConfigErrorInfo(long win32, String hresult, String meaning, String fix, String diagnosis) implements java.io.Serializable, CatalogEntry {
    @Override
    public String label() {
        return "config error " + hresult;
    }

}
