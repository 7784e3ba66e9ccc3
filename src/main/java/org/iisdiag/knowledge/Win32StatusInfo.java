package org.iisdiag.knowledge;

/** An sc-win32-status value from the catalog. */
public record Win32StatusInfo(long code, String name, String hex, String meaning, Win32Class classification,
                              String note) implements java.io.Serializable, CatalogEntry {
    @Override
    public String label() {
        return "win32 " + code + " " + name;
    }

}
