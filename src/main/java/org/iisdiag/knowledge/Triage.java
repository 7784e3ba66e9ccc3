package org.iisdiag.knowledge;

/** How an HTTPERR reason is usually treated: noise, depends on volume/context, or always worth action. */
public enum Triage {
    NOISE, CONTEXT, ACTIONABLE
}
