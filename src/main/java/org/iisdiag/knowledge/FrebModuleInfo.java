package org.iisdiag.knowledge;

/** An IIS module as Failed Request Tracing names it: what its failure means, and the diagnosis ("" when none). */
public record FrebModuleInfo(String module, String meaning, String diagnosis) implements java.io.Serializable, CatalogEntry {
    @Override
    public String label() {
        return "FREB module " + module;
    }

}
