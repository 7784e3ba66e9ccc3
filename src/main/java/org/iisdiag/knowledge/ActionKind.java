package org.iisdiag.knowledge;

/** What an action does to the server: look, gather evidence, change settings, or repair. */
public enum ActionKind {
    INSPECT, COLLECT, CONFIGURE, FIX
}
