package org.iisdiag.casefolder;

/** The case folder as a whole cannot be used (missing, not a folder, not readable). */
public class CaseFolderException extends Exception {
    private static final long serialVersionUID = 1L;

    public CaseFolderException(String message) {
        super(message);
    }
}
