package org.iisdiag.knowledge;

import java.util.List;

/** What the HRESULT of a 500.19 means, keyed by the Win32 code IIS logs with it. */
public record ConfigErrorInfo(long win32, String hresult, String meaning, String fix, List<String> fixActions) {
}
