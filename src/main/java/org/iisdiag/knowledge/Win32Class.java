package org.iisdiag.knowledge;

/** What an sc-win32-status value usually tells. */
public enum Win32Class {
    SUCCESS, CLIENT_DISCONNECT, AUTH_HANDSHAKE, ACTIONABLE, CONTEXT
}
