package org.iisdiag.knowledge;

import java.util.List;

/** An IIS module as Failed Request Tracing names it: what its failure means and the usual next step. */
public record FrebModuleInfo(String module, String meaning, List<String> fixActions) {
}
