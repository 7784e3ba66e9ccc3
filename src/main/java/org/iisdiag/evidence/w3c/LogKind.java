package org.iisdiag.evidence.w3c;

/** The W3C-format logs of an IIS server: the ones iisdiag reads, and FTP logs, which it only recognises. */
public enum LogKind {
    IIS, HTTPERR, FTP
}
